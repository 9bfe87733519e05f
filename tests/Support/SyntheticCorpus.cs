using System.Text;
using ReproSpecs.Harness.Data;

namespace ReproSpecs.Tests.Support;

/// <summary>
/// Short texts made only of vocabulary characters, for tests that need a corpus but not the real one
/// (training, samplers). Deterministic in their seed.
/// </summary>
public static class SyntheticCorpus
{
    private static readonly string[] Words =
    [
        "the", "king", "and", "queen", "shall", "speak", "to", "my", "lord", "what", "say", "you", "good",
        "night", "sweet", "prince", "O", "Romeo", "First", "Citizen", "hear", "me", "we", "are", "all", "resolved",
    ];

    /// <summary>Pseudo-Shakespeare of exactly <paramref name="length"/> characters: words, punctuation, newlines.</summary>
    public static string Text(int length, int seed = 1)
    {
        var random = new Random(seed);
        var text = new StringBuilder(length + 16);
        while (text.Length < length)
        {
            text.Append(Words[random.Next(Words.Length)]);
            text.Append(random.Next(12) switch { 0 => ",\n", 1 => ".\n", 2 => "! ", 3 => "? ", _ => " " });
        }
        return text.ToString(0, length);
    }

    /// <summary>Token ids of <see cref="Text"/>.</summary>
    public static byte[] Tokens(int length, int seed = 1) => CharVocabulary.Encode(Text(length, seed));

    /// <summary>
    /// A <see cref="Corpus"/> record over <see cref="Text"/> with the study's 65-character vocabulary (so the tiny models
    /// have Tiny Shakespeare's shapes), built directly rather than through <see cref="CorpusLoader"/>, which would derive
    /// the text's own smaller vocabulary.
    /// </summary>
    public static Corpus Create(int length, int seed = 1)
    {
        string text = Text(length, seed);
        return new Corpus(text, $"synthetic-{length}-{seed}", CorpusValidator.Sha256Hex(Encoding.ASCII.GetBytes(text)), CorpusOrigin.Explicit, Vocabulary.TinyShakespeare);
    }
}
