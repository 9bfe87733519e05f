namespace ReproSpecs.Harness.Data;

/// <summary>A verified corpus: its text, where it came from, its SHA-256 and its character vocabulary.</summary>
/// <param name="Text">The whole text.</param>
/// <param name="Path">The file it was read from, or a description of the shipped copy.</param>
/// <param name="Sha256">SHA-256 (lower-case hex) of its bytes: part of every cell's identity.</param>
/// <param name="Origin">Where it came from.</param>
/// <param name="Vocabulary">Its characters and their token ids.</param>
public sealed record Corpus(string Text, string Path, string Sha256, CorpusOrigin Origin, Vocabulary Vocabulary)
{
    /// <summary>Whether this is the study's corpus (its SHA-256 is the canonical one).</summary>
    public bool IsTinyShakespeare => Sha256 == TinyShakespeare.Sha256;

    /// <summary>A short name for folders and reports: <c>tinyshakespeare</c>, else the file's name without extension.</summary>
    public string Name => IsTinyShakespeare ? TinyShakespeare.Name : System.IO.Path.GetFileNameWithoutExtension(Path);
}
