using System.Security.Cryptography;
using System.Text;

namespace ReproSpecs.Harness.Data;

/// <summary>
/// Verifies that bytes are Tiny Shakespeare by SHA-256 and, when they are not, finds the most specific reason
/// (empty, not UTF-8, foreign characters, wrong length, edited) so the user reads one useful line.
/// </summary>
public static class CorpusValidator
{
    /// <summary>Lower-case hex SHA-256 of <paramref name="bytes"/>.</summary>
    public static string Sha256Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>
    /// Returns the decoded text when <paramref name="bytes"/> hash to <paramref name="expectedSha256"/>;
    /// otherwise throws a <see cref="CorpusException"/> naming <paramref name="path"/>, the problem and <paramref name="fix"/>.
    /// </summary>
    public static string Verify(byte[] bytes, string path, string fix, string expectedSha256 = TinyShakespeare.Sha256)
    {
        string actual = Sha256Hex(bytes);
        if (string.Equals(actual, expectedSha256, StringComparison.OrdinalIgnoreCase))
            return Encoding.ASCII.GetString(bytes);
        throw new CorpusException($"Corpus {path} {Diagnose(bytes, actual, expectedSha256)}. Fix: {fix}");
    }

    /// <summary>The most specific description of why <paramref name="bytes"/> are not the canonical corpus.</summary>
    public static string Diagnose(byte[] bytes, string actualSha256, string expectedSha256 = TinyShakespeare.Sha256)
    {
        if (bytes.Length == 0) return "is empty (0 bytes)";
        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            return $"is not UTF-8 text (invalid byte at offset {e.Index})";
        }
        for (int i = 0; i < text.Length; i++)
        {
            if (!CharVocabulary.Contains(text[i]))
                return $"contains a character outside the 65-character vocabulary: {CharVocabulary.Describe(text[i])} at character {i:N0}";
        }
        if (text.Length != TinyShakespeare.Length)
            return $"has {text.Length:N0} characters where Tiny Shakespeare has {TinyShakespeare.Length:N0} (truncated or extended)";
        return $"has SHA-256 {actualSha256}, expected {expectedSha256} (the text was edited)";
    }
}
