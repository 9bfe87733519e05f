using ReproSpecs.Harness.Data;

namespace ReproSpecs.Tests.Support;

/// <summary>
/// The real Tiny Shakespeare, for the tests whose point is the real file (hash, split sizes): the copy that ships
/// inside the harness, so these tests need no file, variable, cache or network.
/// </summary>
public static class RealCorpus
{
    private static readonly Lazy<Corpus> Loaded = new(CorpusLoader.Shipped);

    /// <summary>The verified real corpus (loaded once).</summary>
    public static Corpus Require() => Loaded.Value;

    /// <summary>The raw bytes of the real corpus.</summary>
    public static byte[] RequireBytes() => ShippedCorpus.ReadBytes();
}
