using System.Text;
using ReproSpecs.Harness.Configuration;

namespace ReproSpecs.Harness.Data;

/// <summary>
/// Finds the corpus: an explicit path (option or <c>REPROSPECS_CORPUS</c>) if one is given, else the copy of
/// Tiny Shakespeare that ships with the harness. An explicit file is either a verified copy of Tiny Shakespeare
/// (SHA-256), or — when it does not begin like Tiny Shakespeare — a UTF-8 text of the user's own, whose
/// vocabulary is derived from the text. An altered copy of Tiny Shakespeare is an error, never "own data".
/// </summary>
public static class CorpusLoader
{
    private static readonly string FixExplicit =
        $"point {EnvironmentVariables.Corpus} (or --corpus) at an unmodified copy of Tiny Shakespeare (SHA-256 {TinyShakespeare.Sha256}), " +
        "or unset it to use the copy that ships with ReproSpecs";

    /// <summary>Loads and verifies the corpus.</summary>
    /// <param name="options">Which corpus.</param>
    /// <exception cref="CorpusException">Missing, unreadable, empty, not UTF-8, an altered Tiny Shakespeare, or a vocabulary too large.</exception>
    public static Corpus Load(CorpusOptions options)
    {
        if (options.ExplicitPath is not { } explicitPath) return Shipped();
        string full = System.IO.Path.GetFullPath(explicitPath);
        if (Directory.Exists(full))
            throw new CorpusException($"Corpus {full} is a folder, not a text file. Fix: {FixOwn}");
        if (!File.Exists(full))
            throw new CorpusException($"Corpus {full} does not exist. Fix: {FixOwn}");
        byte[] bytes;
        try { bytes = File.ReadAllBytes(full); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CorpusException($"Corpus {full} cannot be read ({e.Message}). Fix: make it readable, or {FixOwn}", e);
        }
        return FromBytes(bytes, full);
    }

    /// <summary>The copy of Tiny Shakespeare that ships with the harness, verified.</summary>
    public static Corpus Shipped()
    {
        string text = CorpusValidator.Verify(ShippedCorpus.ReadBytes(), ShippedCorpus.Description,
            "rebuild ReproSpecs.Core from a clean checkout: its resource core/Data/Shipped/tinyshakespeare.txt.gz was altered");
        return new Corpus(text, ShippedCorpus.Description, TinyShakespeare.Sha256, CorpusOrigin.Shipped, Vocabulary.TinyShakespeare);
    }

    /// <summary>Classifies and verifies the bytes of an explicit corpus file read from <paramref name="path"/>.</summary>
    public static Corpus FromBytes(byte[] bytes, string path)
    {
        string sha = CorpusValidator.Sha256Hex(bytes);
        if (sha == TinyShakespeare.Sha256)
            return new Corpus(Encoding.ASCII.GetString(bytes), path, sha, CorpusOrigin.Explicit, Vocabulary.TinyShakespeare);
        if (bytes.AsSpan().StartsWith(Encoding.ASCII.GetBytes(TinyShakespeare.Opening)))
            throw new CorpusException($"Corpus {path} is an altered copy of Tiny Shakespeare: it {CorpusValidator.Diagnose(bytes, sha)}. Fix: {FixExplicit}");
        return OwnText(bytes, path, sha);
    }

    private static string FixOwn =>
        $"point {EnvironmentVariables.Corpus} (or --corpus) at an existing UTF-8 text file, or unset it to use the Tiny Shakespeare that ships with ReproSpecs";

    private static Corpus OwnText(byte[] bytes, string path, string sha)
    {
        if (bytes.Length == 0)
            throw new CorpusException($"Corpus {path} is empty (0 bytes). Fix: {FixOwn}");
        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw new CorpusException($"Corpus {path} is not UTF-8 text (invalid byte at offset {e.Index}). Fix: convert it to UTF-8 (e.g. iconv -t UTF-8), or {FixOwn}", e);
        }
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..]; // a byte-order mark is not a character of the text
        Vocabulary vocabulary;
        try { vocabulary = Vocabulary.Of(text); }
        catch (ConfigurationException e)
        {
            throw new CorpusException($"Corpus {path}: {e.Message}", e);
        }
        return new Corpus(text, path, sha, CorpusOrigin.Explicit, vocabulary);
    }
}
