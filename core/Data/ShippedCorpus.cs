using System.IO.Compression;

namespace ReproSpecs.Harness.Data;

/// <summary>
/// Tiny Shakespeare as an embedded, gzip-compressed resource of the harness assembly (434 KB), so a fresh clone,
/// an air-gapped machine or a project that references the harness package trains without any download.
/// It is verified by SHA-256 like any other copy.
/// </summary>
public static class ShippedCorpus
{
    /// <summary>Manifest name of the resource (set in the harness project file).</summary>
    public const string ResourceName = "ReproSpecs.Harness.tinyshakespeare.txt.gz";

    /// <summary>How the shipped copy is named in messages and provenance.</summary>
    public const string Description = "Tiny Shakespeare shipped with ReproSpecs.Harness";

    /// <summary>The decompressed bytes of the shipped copy.</summary>
    /// <exception cref="CorpusException">The resource is missing (a broken build).</exception>
    public static byte[] ReadBytes()
    {
        using var stream = typeof(ShippedCorpus).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new CorpusException($"The harness assembly lacks its resource {ResourceName}. Fix: rebuild ReproSpecs.Core from a clean checkout (core/Data/Shipped/).");
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var bytes = new MemoryStream(TinyShakespeare.Length);
        gzip.CopyTo(bytes);
        return bytes.ToArray();
    }
}
