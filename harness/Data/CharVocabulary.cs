namespace ReproSpecs.Harness.Data;

/// <summary>
/// The study's character vocabulary: the 65 distinct characters of Tiny Shakespeare in ordinal order
/// (<c>sorted(set(text))</c> in the original Python), mapped to token ids 0..64.
/// </summary>
public static class CharVocabulary
{
    /// <summary>The 65 characters, in token-id order.</summary>
    public const string Characters = "\n !$&',-.3:;?ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /// <summary>Number of tokens (65).</summary>
    public const int Size = 65;

    private static readonly short[] IdOf = BuildLookup();

    private static short[] BuildLookup()
    {
        var lookup = new short[char.MaxValue + 1];
        Array.Fill(lookup, (short)-1);
        for (int i = 0; i < Characters.Length; i++) lookup[Characters[i]] = (short)i;
        return lookup;
    }

    /// <summary>Whether <paramref name="c"/> is one of the 65 characters.</summary>
    public static bool Contains(char c) => IdOf[c] >= 0;

    /// <summary>Token id of <paramref name="c"/>.</summary>
    /// <exception cref="ArgumentException">The character is not in the vocabulary.</exception>
    public static int Encode(char c) => IdOf[c] >= 0 ? IdOf[c]
        : throw new ArgumentException($"character {Describe(c)} is not in the 65-character vocabulary");

    /// <summary>Token ids of every character of <paramref name="text"/>.</summary>
    public static byte[] Encode(string text)
    {
        var ids = new byte[text.Length];
        for (int i = 0; i < text.Length; i++) ids[i] = (byte)Encode(text[i]);
        return ids;
    }

    /// <summary>The text of a sequence of token ids.</summary>
    public static string Decode(IEnumerable<int> ids) => new(ids.Select(i => Characters[i]).ToArray());

    /// <summary>A character as a reader can see it, e.g. <c>'é' (U+00E9)</c>.</summary>
    public static string Describe(char c) =>
        char.IsControl(c) || char.IsWhiteSpace(c) ? $"U+{(int)c:X4}" : $"'{c}' (U+{(int)c:X4})";
}
