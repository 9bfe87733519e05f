using ReproSpecs.Harness.Configuration;
using ReproSpecs.Harness.Data;
using Xunit;

namespace ReproSpecs.Tests.Support;

/// <summary>
/// The real Tiny Shakespeare, for the tests whose point is the real file (hash, split sizes). Found only
/// through <c>REPROSPECS_CORPUS</c> (CI sets it); without it those tests skip rather than download.
/// </summary>
public static class RealCorpus
{
    private static readonly Lazy<Corpus> Loaded = new(() =>
        CorpusLoader.Load(new CorpusOptions { ExplicitPath = PathOrNull, CacheDirectory = Path.GetTempPath() }));

    /// <summary>The path in <c>REPROSPECS_CORPUS</c>, or null.</summary>
    public static string? PathOrNull => EnvironmentVariables.Get(EnvironmentVariables.Corpus);

    /// <summary>Why a test that needs the real corpus is skipped.</summary>
    public const string SkipReason =
        "needs the real Tiny Shakespeare: set REPROSPECS_CORPUS to a local copy (CI does); tests never download it";

    /// <summary>The path of the real corpus; skips the calling <c>[SkippableFact]</c> when it is not configured.</summary>
    public static string RequirePath()
    {
        Skip.If(PathOrNull is null, SkipReason);
        return Path.GetFullPath(PathOrNull!);
    }

    /// <summary>The verified real corpus (loaded once); skips when it is not configured.</summary>
    public static Corpus Require()
    {
        RequirePath();
        return Loaded.Value;
    }

    /// <summary>The raw bytes of the real corpus; skips when it is not configured.</summary>
    public static byte[] RequireBytes() => File.ReadAllBytes(RequirePath());
}
