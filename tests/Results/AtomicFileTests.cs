using ReproSpecs.Harness.Results;
using ReproSpecs.Tests.Support;
using Shouldly;
using Xunit;

namespace ReproSpecs.Tests.Results;

/// <summary>Atomic writes: the new content or the old, and never a temporary file left behind.</summary>
public sealed class AtomicFileTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Writing_creates_the_folder_and_leaves_only_the_file()
    {
        string path = Path.Combine(_temp.Path, "a", "b", "cell.json");

        AtomicFile.WriteAllBytes(path, "first"u8);

        File.ReadAllText(path).ShouldBe("first");
        _temp.Files().ShouldBe([Path.Combine("a", "b", "cell.json")]);
    }

    [Fact]
    public void Writing_again_replaces_the_content_and_leaves_no_temporary_file()
    {
        string path = _temp.File("cell.json");
        AtomicFile.WriteAllBytes(path, "first, longer content"u8);

        AtomicFile.WriteAllBytes(path, "second"u8);

        File.ReadAllText(path).ShouldBe("second");
        _temp.Files().ShouldBe(["cell.json"]);
    }

    [Fact]
    public void A_failed_write_is_a_results_file_error_that_keeps_what_was_there_and_leaves_no_temporary_file()
    {
        // The target is a folder, so the final rename fails after the temporary file was written.
        string path = _temp.File("cell.json");
        Directory.CreateDirectory(path);
        File.WriteAllText(Path.Combine(path, "keep.txt"), "old");

        var e = Should.Throw<ResultFileException>(() => AtomicFile.WriteAllBytes(path, "new"u8));

        e.ShouldBeOneLineMentioning(path, "intact", "Fix:");
        _temp.Files().ShouldBe([Path.Combine("cell.json", "keep.txt")]);
    }

    [Fact]
    public void A_folder_that_cannot_be_created_is_a_results_file_error()
    {
        string blocker = _temp.File("not-a-folder");
        File.WriteAllText(blocker, "x");
        string path = Path.Combine(blocker, "cell.json");

        Should.Throw<ResultFileException>(() => AtomicFile.WriteAllBytes(path, "new"u8)).Message.ShouldContain(path);
        _temp.Files().ShouldBe(["not-a-folder"]);
    }
}
