namespace ReproSpecs.Harness.Data;

/// <summary>
/// A character vocabulary: the distinct characters of a text in ordinal order (<c>sorted(set(text))</c> in the
/// study's Python), mapped to token ids 0..V−1. Tiny Shakespeare's is <see cref="TinyShakespeare"/>; a user's
/// own corpus gets the one derived from its text (<see cref="Of"/>).
/// </summary>
public sealed class Vocabulary : IEquatable<Vocabulary>
{
    /// <summary>The largest vocabulary a corpus may have: token ids are stored as bytes.</summary>
    public const int MaxSize = 256;

    private readonly Dictionary<char, byte> _idOf;

    private Vocabulary(string characters)
    {
        Characters = characters;
        _idOf = new Dictionary<char, byte>(characters.Length);
        for (int i = 0; i < characters.Length; i++) _idOf[characters[i]] = (byte)i;
    }

    /// <summary>The study's 65 characters of Tiny Shakespeare.</summary>
    public static Vocabulary TinyShakespeare { get; } = new(CharVocabulary.Characters);

    /// <summary>The characters, in token-id order.</summary>
    public string Characters { get; }

    /// <summary>Number of tokens V.</summary>
    public int Size => Characters.Length;

    /// <summary>The vocabulary of <paramref name="text"/>: its distinct characters in ordinal order.</summary>
    /// <exception cref="ConfigurationException">The text has more than <see cref="MaxSize"/> distinct characters, or fewer than 2.</exception>
    public static Vocabulary Of(string text)
    {
        int surrogate = text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF');
        if (surrogate >= 0)
            throw new ConfigurationException($"the text has a character outside the Basic Multilingual Plane (e.g. an emoji) at character {surrogate:N0}; " +
                                             "a character model here tokenises UTF-16 code units, which would split it in two. Fix: remove or replace such characters.");
        var distinct = new SortedSet<char>(text, Comparer<char>.Create((a, b) => a.CompareTo(b)));
        if (distinct.Count > MaxSize)
            throw new ConfigurationException($"the text has {distinct.Count:N0} distinct characters; a character model here takes at most {MaxSize}. " +
                                             "Fix: normalise or filter the text (e.g. to ASCII) so fewer distinct characters remain.");
        if (distinct.Count < 2)
            throw new ConfigurationException($"the text has {distinct.Count} distinct character(s); next-character prediction needs at least 2. Fix: use a real text.");
        var characters = new string([.. distinct]);
        return characters == TinyShakespeare.Characters ? TinyShakespeare : new Vocabulary(characters);
    }

    /// <summary>Whether <paramref name="c"/> has a token id.</summary>
    public bool Contains(char c) => _idOf.ContainsKey(c);

    /// <summary>Token id of <paramref name="c"/>.</summary>
    /// <exception cref="ArgumentException">The character is not in the vocabulary.</exception>
    public int Encode(char c) => _idOf.TryGetValue(c, out byte id) ? id
        : throw new ArgumentException($"character {Describe(c)} is not in the {Size}-character vocabulary");

    /// <summary>Token ids of every character of <paramref name="text"/>.</summary>
    /// <exception cref="ArgumentException">A character is not in the vocabulary.</exception>
    public byte[] Encode(string text)
    {
        var ids = new byte[text.Length];
        for (int i = 0; i < text.Length; i++)
            ids[i] = _idOf.TryGetValue(text[i], out byte id) ? id
                : throw new ArgumentException($"character {Describe(text[i])} at {i:N0} is not in the {Size}-character vocabulary");
        return ids;
    }

    /// <summary>The text of a sequence of token ids.</summary>
    public string Decode(IEnumerable<int> ids) => new(ids.Select(i => Characters[i]).ToArray());

    /// <summary>A character as a reader can see it, e.g. <c>'é' (U+00E9)</c>.</summary>
    public static string Describe(char c) =>
        char.IsControl(c) || char.IsWhiteSpace(c) ? $"U+{(int)c:X4}" : $"'{c}' (U+{(int)c:X4})";

    /// <inheritdoc />
    public bool Equals(Vocabulary? other) => other is not null && other.Characters == Characters;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Vocabulary);

    /// <inheritdoc />
    public override int GetHashCode() => Characters.GetHashCode(StringComparison.Ordinal);
}
