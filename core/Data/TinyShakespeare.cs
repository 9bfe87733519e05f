namespace ReproSpecs.Harness.Data;

/// <summary>
/// Facts of the study's corpus. The text itself ships inside the harness assembly (<see cref="ShippedCorpus"/>),
/// so no run needs a network; it is public-domain Shakespeare as collected for char-rnn.
/// </summary>
public static class TinyShakespeare
{
    /// <summary>Short name used in reports and folders.</summary>
    public const string Name = "tinyshakespeare";

    /// <summary>The canonical copy the shipped one was taken from (provenance only: nothing downloads it).</summary>
    public const string SourceUrl = "https://raw.githubusercontent.com/karpathy/char-rnn/master/data/tinyshakespeare/input.txt";

    /// <summary>SHA-256 of the canonical file (lower-case hex).</summary>
    public const string Sha256 = "86c4e6aa9db7c042ec79f339dcb96d42b0075e16b8fc2e86bf0ca57e2dc565ed";

    /// <summary>Number of characters (also bytes: the text is ASCII).</summary>
    public const int Length = 1_115_394;

    /// <summary>
    /// How the file begins. A text that begins so but does not hash to <see cref="Sha256"/> is an altered copy of the
    /// study's corpus, which is an error; any other text is a user's own corpus.
    /// </summary>
    public const string Opening = "First Citizen:\nBefore we proceed any further, hear me speak.";
}
