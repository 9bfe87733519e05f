using System.Text;
using ReproSpecs.Harness.Configuration;
using ReproSpecs.Harness.Data;
using ReproSpecs.Tests.Support;
using Shouldly;
using Xunit;

namespace ReproSpecs.Tests.Data;

/// <summary>
/// Finding and verifying the corpus: the shipped Tiny Shakespeare (no file, variable, cache or network needed),
/// an explicit copy of it, a user's own text, and one clear line for every kind of bad input.
/// </summary>
public sealed class CorpusLoaderTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string WriteFile(string name, byte[] bytes)
    {
        string path = _temp.File(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static Corpus LoadFile(string path) => CorpusLoader.Load(new CorpusOptions { ExplicitPath = path });

    /// <summary>The real corpus with one letter replaced by another letter: same length, same vocabulary, other hash.</summary>
    private static byte[] WithOneByteChanged(byte[] corpus)
    {
        var copy = (byte[])corpus.Clone();
        int at = Array.FindIndex(copy, copy.Length / 2, b => b is >= (byte)'a' and <= (byte)'y');
        copy[at]++;
        return copy;
    }

    // ---- the shipped copy ----

    [Fact]
    public void With_no_path_the_shipped_copy_loads_without_any_file_variable_cache_or_network_and_verifies()
    {
        var corpus = CorpusLoader.Load(new CorpusOptions());

        corpus.Origin.ShouldBe(CorpusOrigin.Shipped);
        corpus.Sha256.ShouldBe(TinyShakespeare.Sha256);
        CorpusValidator.Sha256Hex(Encoding.ASCII.GetBytes(corpus.Text)).ShouldBe(TinyShakespeare.Sha256, "the hash is of the text actually returned");
        corpus.Text.Length.ShouldBe(TinyShakespeare.Length);
        corpus.Text.ShouldStartWith(TinyShakespeare.Opening);
        corpus.Vocabulary.ShouldBe(Vocabulary.TinyShakespeare);
        corpus.IsTinyShakespeare.ShouldBeTrue();
        corpus.Name.ShouldBe("tinyshakespeare");
    }

    [Fact]
    public void The_environment_variable_is_not_needed_the_default_options_name_no_file()
    {
        string? saved = Environment.GetEnvironmentVariable(EnvironmentVariables.Corpus);
        try
        {
            Environment.SetEnvironmentVariable(EnvironmentVariables.Corpus, null);
            CorpusOptions.FromEnvironment().ExplicitPath.ShouldBeNull();
            CorpusLoader.Load(CorpusOptions.FromEnvironment()).Origin.ShouldBe(CorpusOrigin.Shipped);
        }
        finally { Environment.SetEnvironmentVariable(EnvironmentVariables.Corpus, saved); }
    }

    // ---- an explicit copy of Tiny Shakespeare ----

    [Fact]
    public void An_explicit_copy_of_Tiny_Shakespeare_loads_as_Tiny_Shakespeare()
    {
        string path = WriteFile("input.txt", ShippedCorpus.ReadBytes());

        var corpus = LoadFile(path);

        corpus.Origin.ShouldBe(CorpusOrigin.Explicit);
        corpus.Path.ShouldBe(path);
        corpus.Sha256.ShouldBe(TinyShakespeare.Sha256);
        corpus.Vocabulary.ShouldBe(Vocabulary.TinyShakespeare);
        corpus.Name.ShouldBe("tinyshakespeare", "identified by its hash, not its file name");
    }

    [Fact]
    public void A_copy_with_one_byte_changed_is_rejected_as_an_altered_copy_not_taken_as_own_data()
    {
        string path = WriteFile("edited.txt", WithOneByteChanged(ShippedCorpus.ReadBytes()));

        var e = Should.Throw<CorpusException>(() => LoadFile(path));

        e.ShouldBeOneLineMentioning(path, "altered copy of Tiny Shakespeare", "edited", "Fix:", EnvironmentVariables.Corpus, TinyShakespeare.Sha256);
    }

    [Fact]
    public void A_truncated_copy_of_the_real_corpus_is_rejected_as_truncated()
    {
        byte[] real = ShippedCorpus.ReadBytes();
        string path = WriteFile("half.txt", real[..(real.Length / 2)]);
        var e = Should.Throw<CorpusException>(() => LoadFile(path));
        e.ShouldBeOneLineMentioning(path, "truncated", "Fix:");
    }

    [Fact]
    public void A_copy_with_a_foreign_character_is_rejected_by_name()
    {
        string path = WriteFile("accent.txt", Encoding.UTF8.GetBytes(TinyShakespeare.Opening + " caf\u00e9.\n"));
        var e = Should.Throw<CorpusException>(() => LoadFile(path));
        e.ShouldBeOneLineMentioning(path, "outside the 65-character vocabulary", "'\u00e9' (U+00E9)", "Fix:");
    }

    // ---- a user's own text ----

    [Fact]
    public void A_text_of_ones_own_gets_the_vocabulary_of_its_characters_in_ordinal_order()
    {
        string path = WriteFile("lyrics.txt", Encoding.UTF8.GetBytes("la la land\nsing a song, caf\u00e9!\n"));

        var corpus = LoadFile(path);

        corpus.Origin.ShouldBe(CorpusOrigin.Explicit);
        corpus.IsTinyShakespeare.ShouldBeFalse();
        corpus.Name.ShouldBe("lyrics");
        corpus.Sha256.ShouldBe(CorpusValidator.Sha256Hex(File.ReadAllBytes(path)));
        corpus.Vocabulary.Characters.ShouldBe("\n !,acdfgilnos\u00e9");
        corpus.Vocabulary.Encode("caf\u00e9").ShouldBe(new byte[] { 5, 4, 7, 14 });
    }

    [Fact]
    public void A_byte_order_mark_is_not_a_character_of_the_text()
    {
        string path = WriteFile("bom.txt", [0xEF, 0xBB, 0xBF, .. "abc abc"u8]);
        LoadFile(path).Vocabulary.Characters.ShouldBe(" abc");
    }

    [Fact]
    public void An_empty_file_is_rejected()
    {
        string path = WriteFile("empty.txt", []);
        var e = Should.Throw<CorpusException>(() => LoadFile(path));
        e.ShouldBeOneLineMentioning(path, "empty", "Fix:");
    }

    [Fact]
    public void A_file_that_is_not_UTF8_is_rejected_with_the_offset_of_the_bad_byte()
    {
        byte[] bytes = [.. "Chapter One\n"u8, 0xFF, .. "It was a dark night"u8];
        string path = WriteFile("latin1.txt", bytes);
        var e = Should.Throw<CorpusException>(() => LoadFile(path));
        e.ShouldBeOneLineMentioning(path, "not UTF-8", "offset 12", "Fix:", "iconv");
    }

    [Fact]
    public void A_vocabulary_too_large_for_byte_tokens_is_rejected_with_the_count()
    {
        string text = new(Enumerable.Range(0x4E00, 300).Select(c => (char)c).ToArray());
        string path = WriteFile("cjk.txt", Encoding.UTF8.GetBytes(text));
        var e = Should.Throw<CorpusException>(() => LoadFile(path));
        e.ShouldBeOneLineMentioning(path, "300 distinct characters", $"at most {Vocabulary.MaxSize}", "Fix:");
    }

    [Fact]
    public void A_text_of_one_repeated_character_is_rejected()
    {
        string path = WriteFile("aaaa.txt", "aaaaaaaa"u8.ToArray());
        var e = Should.Throw<CorpusException>(() => LoadFile(path));
        e.ShouldBeOneLineMentioning(path, "at least 2", "Fix:");
    }

    [Fact]
    public void A_missing_explicit_path_is_an_error_not_a_fallback_to_the_shipped_copy()
    {
        string path = _temp.File("nowhere.txt");
        var e = Should.Throw<CorpusException>(() => LoadFile(path));
        e.ShouldBeOneLineMentioning(path, "does not exist", "Fix:", EnvironmentVariables.Corpus);
    }

    [Fact]
    public void A_folder_given_as_the_corpus_is_named_as_a_folder()
    {
        var e = Should.Throw<CorpusException>(() => LoadFile(_temp.Path));
        e.ShouldBeOneLineMentioning(_temp.Path, "is a folder", "Fix:");
    }

    [Fact]
    public void A_character_outside_the_basic_multilingual_plane_is_rejected_not_split_in_two()
    {
        string path = WriteFile("emoji.txt", Encoding.UTF8.GetBytes("a happy note \U0001F600 and more text"));
        var e = Should.Throw<CorpusException>(() => LoadFile(path));
        e.ShouldBeOneLineMentioning(path, "outside the Basic Multilingual Plane", "character 13", "Fix:");
    }
}
