namespace ReproSpecs.Harness.Data;

/// <summary>
/// The study's character vocabulary (<see cref="Vocabulary.TinyShakespeare"/>) as constants, for code that is
/// about the study itself. Code that must also serve a user's own corpus takes the corpus's <see cref="Vocabulary"/>.
/// </summary>
public static class CharVocabulary
{
    /// <summary>The 65 characters, in token-id order.</summary>
    public const string Characters = "\n !$&',-.3:;?ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /// <summary>Number of tokens (65).</summary>
    public const int Size = 65;

    /// <summary>Whether <paramref name="c"/> is one of the 65 characters.</summary>
    public static bool Contains(char c) => Vocabulary.TinyShakespeare.Contains(c);

    /// <summary>Token id of <paramref name="c"/>.</summary>
    /// <exception cref="ArgumentException">The character is not in the vocabulary.</exception>
    public static int Encode(char c) => Vocabulary.TinyShakespeare.Encode(c);

    /// <summary>Token ids of every character of <paramref name="text"/>.</summary>
    public static byte[] Encode(string text) => Vocabulary.TinyShakespeare.Encode(text);

    /// <summary>The text of a sequence of token ids.</summary>
    public static string Decode(IEnumerable<int> ids) => Vocabulary.TinyShakespeare.Decode(ids);

    /// <summary>A character as a reader can see it, e.g. <c>'é' (U+00E9)</c>.</summary>
    public static string Describe(char c) => Vocabulary.Describe(c);
}
