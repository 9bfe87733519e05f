using System.Text;
using ReproSpecs.Harness.Configuration;
using ReproSpecs.Harness.Data;
using ReproSpecs.Tests.Support;
using Shouldly;
using Xunit;

namespace ReproSpecs.Tests.Data;

/// <summary>
/// Finding and verifying the corpus: explicit path, cache, download (against a server on 127.0.0.1), and
/// one clear line for every kind of bad input. Every test works in its own temp folder, never the user's cache.
/// </summary>
public sealed class CorpusLoaderTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private string CacheDir => Path.Combine(_temp.Path, "cache");
    private string CachedFile => Path.Combine(CacheDir, TinyShakespeare.CacheFileName);

    public void Dispose() => _temp.Dispose();

    private CorpusOptions Options(string? explicitPath = null, Uri? url = null) => new()
    {
        ExplicitPath = explicitPath,
        CacheDirectory = CacheDir,
        DownloadUrl = url ?? LocalHttpServer.UrlOfServerThatIsDown(),
        DownloadTimeout = TimeSpan.FromSeconds(20),
    };

    private static Corpus Load(CorpusOptions options)
    {
        using var handler = LocalHttpServer.DirectHandler();
        return CorpusLoader.Load(options, handler);
    }

    private string WriteFile(string name, byte[] bytes)
    {
        string path = _temp.File(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>The real corpus with one letter replaced by another letter: same length, same vocabulary, other hash.</summary>
    private static byte[] WithOneByteChanged(byte[] corpus)
    {
        var copy = (byte[])corpus.Clone();
        int at = Array.FindIndex(copy, copy.Length / 2, b => b is >= (byte)'a' and <= (byte)'y');
        copy[at]++;
        return copy;
    }

    // ---- explicit path ----

    [SkippableFact]
    public void The_real_corpus_loads_from_an_explicit_path_and_verifies()
    {
        string path = RealCorpus.RequirePath();

        var corpus = Load(Options(explicitPath: path));

        corpus.Origin.ShouldBe(CorpusOrigin.Explicit);
        corpus.Path.ShouldBe(path);
        corpus.Sha256.ShouldBe(TinyShakespeare.Sha256);
        corpus.Text.Length.ShouldBe(TinyShakespeare.Length);
        corpus.Text.ShouldStartWith("First Citizen:\n");
        Directory.Exists(CacheDir).ShouldBeFalse("an explicit path never touches the cache");
    }

    [SkippableFact]
    public void A_copy_with_one_byte_changed_is_rejected_with_one_line_naming_the_path_and_the_fix()
    {
        string path = WriteFile("edited.txt", WithOneByteChanged(RealCorpus.RequireBytes()));

        var e = Should.Throw<CorpusException>(() => Load(Options(explicitPath: path)));

        e.ShouldBeOneLineMentioning(path, "edited", "Fix:", EnvironmentVariables.Corpus, TinyShakespeare.Sha256);
    }

    [Fact]
    public void An_empty_file_is_rejected()
    {
        string path = WriteFile("empty.txt", []);
        var e = Should.Throw<CorpusException>(() => Load(Options(explicitPath: path)));
        e.ShouldBeOneLineMentioning(path, "empty", "Fix:");
    }

    [Fact]
    public void A_file_that_is_not_UTF8_is_rejected_with_the_offset_of_the_bad_byte()
    {
        byte[] bytes = [.. "First Citizen:\n"u8, 0xFF, .. "Before we proceed"u8];
        string path = WriteFile("latin1.txt", bytes);
        var e = Should.Throw<CorpusException>(() => Load(Options(explicitPath: path)));
        e.ShouldBeOneLineMentioning(path, "not UTF-8", "offset 15", "Fix:");
    }

    [Fact]
    public void A_character_outside_the_vocabulary_is_rejected_by_name()
    {
        string path = WriteFile("accent.txt", Encoding.UTF8.GetBytes("First Citizen:\nBefore we proceed any further, caf\u00e9.\n"));
        var e = Should.Throw<CorpusException>(() => Load(Options(explicitPath: path)));
        e.ShouldBeOneLineMentioning(path, "outside the 65-character vocabulary", "'\u00e9' (U+00E9)", "Fix:");
    }

    [Fact]
    public void A_truncated_file_is_rejected_as_truncated()
    {
        string path = WriteFile("short.txt", Encoding.ASCII.GetBytes(SyntheticCorpus.Text(1000)));
        var e = Should.Throw<CorpusException>(() => Load(Options(explicitPath: path)));
        e.ShouldBeOneLineMentioning(path, "1,000 characters", "truncated", "Fix:");
    }

    [SkippableFact]
    public void A_truncated_copy_of_the_real_corpus_is_rejected_as_truncated()
    {
        byte[] real = RealCorpus.RequireBytes();
        string path = WriteFile("half.txt", real[..(real.Length / 2)]);
        var e = Should.Throw<CorpusException>(() => Load(Options(explicitPath: path)));
        e.ShouldBeOneLineMentioning(path, "truncated", "Fix:");
    }

    [Fact]
    public void A_missing_explicit_path_is_an_error_not_a_fallback_to_the_cache()
    {
        string path = _temp.File("nowhere.txt");
        Directory.CreateDirectory(CacheDir);
        File.WriteAllText(CachedFile, "would be rejected anyway");

        var e = Should.Throw<CorpusException>(() => Load(Options(explicitPath: path)));

        e.ShouldBeOneLineMentioning(path, "does not exist", "Fix:", EnvironmentVariables.Corpus);
    }

    // ---- cache ----

    [SkippableFact]
    public void Without_an_explicit_path_the_cached_copy_is_used_and_nothing_is_downloaded()
    {
        byte[] real = RealCorpus.RequireBytes();
        Directory.CreateDirectory(CacheDir);
        File.WriteAllBytes(CachedFile, real);
        using var server = new LocalHttpServer(real);

        var corpus = Load(Options(url: server.Url));

        corpus.Origin.ShouldBe(CorpusOrigin.Cache);
        corpus.Path.ShouldBe(CachedFile);
        corpus.Sha256.ShouldBe(TinyShakespeare.Sha256);
        server.Requests.ShouldBe(0);
    }

    [Fact]
    public void A_corrupt_cached_copy_is_rejected_with_the_fix_of_deleting_it()
    {
        Directory.CreateDirectory(CacheDir);
        File.WriteAllText(CachedFile, SyntheticCorpus.Text(500));

        var e = Should.Throw<CorpusException>(() => Load(Options()));

        e.ShouldBeOneLineMentioning(CachedFile, "truncated", "Fix: delete " + CachedFile);
    }

    // ---- download ----

    [SkippableFact]
    public void With_no_cached_copy_the_corpus_is_downloaded_into_the_cache_verified_and_then_reused()
    {
        byte[] real = RealCorpus.RequireBytes();
        using var server = new LocalHttpServer(real);

        var corpus = Load(Options(url: server.Url));

        corpus.Origin.ShouldBe(CorpusOrigin.Downloaded);
        corpus.Path.ShouldBe(CachedFile);
        corpus.Sha256.ShouldBe(TinyShakespeare.Sha256);
        server.Requests.ShouldBe(1);
        File.ReadAllBytes(CachedFile).ShouldBe(real);
        Directory.GetFiles(CacheDir).Select(Path.GetFileName).ShouldBe([TinyShakespeare.CacheFileName], "the temp .part file was renamed, none is left");

        var again = Load(Options(url: server.Url));
        again.Origin.ShouldBe(CorpusOrigin.Cache);
        server.Requests.ShouldBe(1);
    }

    [Fact]
    public void A_server_serving_other_bytes_is_rejected_and_nothing_is_left_in_the_cache()
    {
        using var server = new LocalHttpServer(Encoding.ASCII.GetBytes(SyntheticCorpus.Text(5000)));

        var e = Should.Throw<CorpusException>(() => Load(Options(url: server.Url)));

        e.ShouldBeOneLineMentioning(server.Url.ToString(), "truncated", "Fix:");
        server.Requests.ShouldBe(1);
        Directory.GetFiles(CacheDir).ShouldBeEmpty();
    }

    [SkippableFact]
    public void A_server_serving_the_corpus_with_one_byte_changed_is_rejected_and_nothing_is_left_in_the_cache()
    {
        using var server = new LocalHttpServer(WithOneByteChanged(RealCorpus.RequireBytes()));

        var e = Should.Throw<CorpusException>(() => Load(Options(url: server.Url)));

        e.ShouldBeOneLineMentioning(server.Url.ToString(), "edited", "Fix:");
        Directory.GetFiles(CacheDir).ShouldBeEmpty();
    }

    [Fact]
    public void A_server_that_is_down_gives_one_line_saying_the_download_failed_and_how_to_work_offline()
    {
        var url = LocalHttpServer.UrlOfServerThatIsDown();

        var e = Should.Throw<CorpusException>(() => Load(Options(url: url)));

        e.ShouldBeOneLineMentioning(CachedFile, url.ToString(), "download", "failed", "Fix:", EnvironmentVariables.Corpus, "connect to the internet");
        Directory.GetFiles(CacheDir).ShouldBeEmpty();
    }
}
