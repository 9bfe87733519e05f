namespace ReproSpecs.Harness.Data;

/// <summary>Facts of the study's corpus (DESIGN.md §2).</summary>
public static class TinyShakespeare
{
    /// <summary>Where the corpus is downloaded from when no local copy is given.</summary>
    public const string CanonicalUrl = "https://raw.githubusercontent.com/karpathy/char-rnn/master/data/tinyshakespeare/input.txt";

    /// <summary>SHA-256 of the canonical file (lower-case hex).</summary>
    public const string Sha256 = "86c4e6aa9db7c042ec79f339dcb96d42b0075e16b8fc2e86bf0ca57e2dc565ed";

    /// <summary>Number of characters (also bytes: the text is ASCII).</summary>
    public const int Length = 1_115_394;

    /// <summary>File name of the copy kept in the per-user cache.</summary>
    public const string CacheFileName = "tinyshakespeare.txt";
}
