using ReproSpecs.Harness.Configuration;

namespace ReproSpecs.Harness.Data;

/// <summary>Where the corpus came from.</summary>
public enum CorpusOrigin
{
    /// <summary>An explicit path (option or <c>REPROSPECS_CORPUS</c>).</summary>
    Explicit,
    /// <summary>The per-user cache.</summary>
    Cache,
    /// <summary>Downloaded into the cache by this call.</summary>
    Downloaded,
}

/// <summary>How to find the corpus.</summary>
public sealed record CorpusOptions
{
    /// <summary>A local copy to use instead of the cache; it must exist and verify.</summary>
    public string? ExplicitPath { get; init; }

    /// <summary>The per-user cache folder.</summary>
    public required string CacheDirectory { get; init; }

    /// <summary>Where to download from when neither an explicit path nor a cached copy exists.</summary>
    public Uri DownloadUrl { get; init; } = new(TinyShakespeare.CanonicalUrl);

    /// <summary>How long a download may take.</summary>
    public TimeSpan DownloadTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Options from the environment (<c>REPROSPECS_CORPUS</c>, <c>REPROSPECS_CACHE</c>, <c>REPROSPECS_CORPUS_URL</c>).</summary>
    /// <param name="explicitPath">An explicit path from a command-line option; it wins over the environment.</param>
    public static CorpusOptions FromEnvironment(string? explicitPath = null) => new()
    {
        ExplicitPath = explicitPath ?? EnvironmentVariables.Get(EnvironmentVariables.Corpus),
        CacheDirectory = UserPaths.CacheDirectory(),
        DownloadUrl = EnvironmentVariables.Get(EnvironmentVariables.CorpusUrl) is { } url ? new Uri(url) : new Uri(TinyShakespeare.CanonicalUrl),
    };
}

/// <summary>The verified corpus text.</summary>
/// <param name="Text">The whole text.</param>
/// <param name="Path">The file it was read from.</param>
/// <param name="Sha256">Its SHA-256 (always the canonical one: anything else is rejected).</param>
/// <param name="Origin">Where it came from.</param>
public sealed record Corpus(string Text, string Path, string Sha256, CorpusOrigin Origin);

/// <summary>
/// Finds the corpus in this order: explicit path or <c>REPROSPECS_CORPUS</c>; the per-user cache;
/// otherwise a download into the cache (temporary file, verify, rename). Every source is verified by SHA-256.
/// </summary>
public static class CorpusLoader
{
    private static readonly string FixExplicit =
        $"point {EnvironmentVariables.Corpus} (or --corpus) at an unmodified copy of {TinyShakespeare.CanonicalUrl} (SHA-256 {TinyShakespeare.Sha256}), or unset it to use the cache";

    /// <summary>Loads and verifies the corpus.</summary>
    /// <param name="options">Where to look.</param>
    /// <param name="handler">HTTP handler for the download (tests use a local server); null for the default.</param>
    /// <exception cref="CorpusException">Missing while offline, wrong hash, empty, not UTF-8, foreign characters.</exception>
    public static Corpus Load(CorpusOptions options, HttpMessageHandler? handler = null)
    {
        if (options.ExplicitPath is { } explicitPath)
        {
            string full = System.IO.Path.GetFullPath(explicitPath);
            if (!File.Exists(full))
                throw new CorpusException($"Corpus {full} does not exist. Fix: {FixExplicit}");
            return Read(full, CorpusOrigin.Explicit, FixExplicit);
        }

        string cached = System.IO.Path.Combine(options.CacheDirectory, TinyShakespeare.CacheFileName);
        if (File.Exists(cached))
            return Read(cached, CorpusOrigin.Cache, $"delete {cached} so it is downloaded again, or set {EnvironmentVariables.Corpus} to a verified copy");

        Download(options, cached, handler);
        return Read(cached, CorpusOrigin.Downloaded, $"delete {cached} and retry");
    }

    private static Corpus Read(string path, CorpusOrigin origin, string fix)
    {
        byte[] bytes;
        try { bytes = File.ReadAllBytes(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CorpusException($"Corpus {path} cannot be read ({e.Message}). Fix: {fix}", e);
        }
        string text = CorpusValidator.Verify(bytes, path, fix);
        return new Corpus(text, path, TinyShakespeare.Sha256, origin);
    }

    private static void Download(CorpusOptions options, string destination, HttpMessageHandler? handler)
    {
        string fix = $"set {EnvironmentVariables.Corpus} to a local copy of tinyshakespeare.txt (SHA-256 {TinyShakespeare.Sha256}), " +
                     $"or place it at {destination}, or connect to the internet";
        Directory.CreateDirectory(options.CacheDirectory);
        string temp = destination + $".{Environment.ProcessId}.{Guid.NewGuid():N}.part";
        try
        {
            using var client = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
            client.Timeout = options.DownloadTimeout;
            byte[] bytes;
            try
            {
                bytes = client.GetByteArrayAsync(options.DownloadUrl).GetAwaiter().GetResult();
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                throw new CorpusException($"Corpus not found at {destination} and the download from {options.DownloadUrl} failed ({e.Message}). Fix: {fix}", e);
            }
            CorpusValidator.Verify(bytes, $"downloaded from {options.DownloadUrl}", "check the URL (REPROSPECS_CORPUS_URL) or use a local copy via " + EnvironmentVariables.Corpus);
            File.WriteAllBytes(temp, bytes);
            File.Move(temp, destination, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
