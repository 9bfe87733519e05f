using ReproSpecs.Harness.Data;
using ReproSpecs.Tests.Support;
using Shouldly;
using Xunit;

namespace ReproSpecs.Tests.Data;

/// <summary>The 65-character tokenizer.</summary>
public class CharVocabularyTests
{
    [Fact]
    public void The_vocabulary_has_65_distinct_characters_in_ordinal_order()
    {
        CharVocabulary.Size.ShouldBe(65);
        CharVocabulary.Characters.Length.ShouldBe(CharVocabulary.Size);
        CharVocabulary.Characters.Distinct().Count().ShouldBe(CharVocabulary.Size);
        CharVocabulary.Characters.ShouldBe(new string(CharVocabulary.Characters.Order(Comparer<char>.Create((a, b) => a.CompareTo(b))).ToArray()));
    }

    [Fact]
    public void Token_ids_are_positions_in_the_vocabulary()
    {
        for (int i = 0; i < CharVocabulary.Size; i++)
            CharVocabulary.Encode(CharVocabulary.Characters[i]).ShouldBe(i);
    }

    [Fact]
    public void Encode_then_decode_gives_the_text_back()
    {
        string text = SyntheticCorpus.Text(2000) + CharVocabulary.Characters;
        byte[] ids = CharVocabulary.Encode(text);
        ids.Length.ShouldBe(text.Length);
        ids.ShouldAllBe(id => id < CharVocabulary.Size);
        CharVocabulary.Decode(ids.Select(b => (int)b)).ShouldBe(text);
    }

    [Fact]
    public void A_character_outside_the_vocabulary_cannot_be_encoded()
    {
        CharVocabulary.Contains('\u00e9').ShouldBeFalse();
        CharVocabulary.Contains('\t').ShouldBeFalse();
        var e = Should.Throw<ArgumentException>(() => CharVocabulary.Encode("caf\u00e9"));
        e.Message.ShouldContain("U+00E9");
    }

    [SkippableFact]
    public void The_vocabulary_is_exactly_the_set_of_characters_of_the_real_corpus()
    {
        var corpus = RealCorpus.Require();
        new string(corpus.Text.Distinct().Order().ToArray()).ShouldBe(CharVocabulary.Characters);
    }
}
