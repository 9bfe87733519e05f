using ReproSpecs.Harness.Runtime;
using ReproSpecs.Tests.Support;
using Shouldly;
using Xunit;

namespace ReproSpecs.Tests.Runtime;

/// <summary>
/// The ELF patch that lets TorchSharp load on Debian 12 (docs/design.md, "Loading TorchSharp on Debian 12"), exercised on a temporary copy of
/// the real <c>libLibTorchSharp.so</c> with made-up sets of system versions, so every outcome is tested
/// on every Linux machine whatever its own libstdc++ is.
/// </summary>
public class LibStdCxxCompatTests
{
    private const string Glibcxx32 = "GLIBCXX_3.4.32";
    private const string Glibcxx30 = "GLIBCXX_3.4.30";
    private const string NotLinux = "ELF libraries and libstdc++ versions exist only on Linux";

    /// <summary>A temp copy of the shipped library as it is in the package (the version not yet weak), and the libstdc++ versions it needs.</summary>
    private sealed class LibraryCopy : IDisposable
    {
        private readonly TempDirectory _dir = new();

        public LibraryCopy()
        {
            string? shipped = TorchRuntime.CandidateLibraries().FirstOrDefault();
            shipped.ShouldNotBeNull("the test's bin folder holds libLibTorchSharp.so (restored with the libtorch package)");
            // The process already patched the shipped file at startup on an old libstdc++; undo that on the copy.
            var image = ElfImage.Load(shipped);
            var v32 = image.NeededVersions().SingleOrDefault(v => v.Name == Glibcxx32);
            v32.ShouldNotBeNull($"TorchSharp 0.107.0's library needs {Glibcxx32}: the premise of the patch");
            image.SetFlags(v32, (ushort)(v32.Flags & ~ElfImage.NeededVersion.WeakFlag));
            Path = _dir.File("libLibTorchSharp.so");
            File.WriteAllBytes(Path, image.Bytes);
            File.SetLastWriteTimeUtc(Path, new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc));
            Original = File.ReadAllBytes(Path);
            OriginalTime = File.GetLastWriteTimeUtc(Path);
            Needed = image.NeededVersions().Where(v => v.File.StartsWith("libstdc++", StringComparison.Ordinal))
                .Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
        }

        public string Path { get; }
        public byte[] Original { get; }
        public DateTime OriginalTime { get; }
        public HashSet<string> Needed { get; }
        public IReadOnlyList<string> FilesInFolder => _dir.Files();

        public HashSet<string> NeededWithout(params string[] names)
        {
            var set = new HashSet<string>(Needed, StringComparer.Ordinal);
            foreach (var n in names) set.Remove(n);
            return set;
        }

        public ElfImage.NeededVersion Version(string name) => ElfImage.Load(Path).NeededVersions().Single(v => v.Name == name);

        public void Dispose() => _dir.Dispose();
    }

    [SkippableFact]
    public void A_system_without_GLIBCXX_3_4_32_gets_that_version_weakened_and_nothing_else_changed()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), NotLinux);
        using var lib = new LibraryCopy();
        lib.Version(Glibcxx32).IsWeak.ShouldBeFalse();

        var report = LibStdCxxCompat.Ensure(lib.Path, lib.NeededWithout(Glibcxx32));

        report.Outcome.ShouldBe(LibStdCxxCompat.Outcome.Patched);
        report.MissingVersions.ShouldBe([Glibcxx32]);
        var patched = lib.Version(Glibcxx32);
        patched.IsWeak.ShouldBeTrue();
        byte[] after = File.ReadAllBytes(lib.Path);
        after.Length.ShouldBe(lib.Original.Length);
        var changed = Enumerable.Range(0, after.Length).Where(i => after[i] != lib.Original[i]).ToList();
        changed.ShouldNotBeEmpty();
        changed.ShouldAllBe(i => i >= patched.FlagsOffset && i < patched.FlagsOffset + 2, "only the 2-byte vna_flags may change");
        File.GetLastWriteTimeUtc(lib.Path).ShouldBe(lib.OriginalTime, "the timestamp is kept so an incremental build does not copy the unpatched file back");
        lib.FilesInFolder.ShouldBe(["libLibTorchSharp.so"], "the atomic rewrite leaves no temporary file");
    }

    [SkippableFact]
    public void Patching_twice_is_a_no_op_the_second_time()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), NotLinux);
        using var lib = new LibraryCopy();
        var system = lib.NeededWithout(Glibcxx32);
        LibStdCxxCompat.Ensure(lib.Path, system).Outcome.ShouldBe(LibStdCxxCompat.Outcome.Patched);
        byte[] once = File.ReadAllBytes(lib.Path);

        var second = LibStdCxxCompat.Ensure(lib.Path, system);

        second.Outcome.ShouldBe(LibStdCxxCompat.Outcome.AlreadyPatched);
        second.MissingVersions.ShouldBe([Glibcxx32]);
        File.ReadAllBytes(lib.Path).ShouldBe(once);
    }

    [SkippableFact]
    public void A_system_that_defines_every_needed_version_leaves_the_file_untouched()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), NotLinux);
        using var lib = new LibraryCopy();

        var report = LibStdCxxCompat.Ensure(lib.Path, lib.Needed);

        report.Outcome.ShouldBe(LibStdCxxCompat.Outcome.NotNeeded);
        report.MissingVersions.ShouldBeEmpty();
        File.ReadAllBytes(lib.Path).ShouldBe(lib.Original);
        File.GetLastWriteTimeUtc(lib.Path).ShouldBe(lib.OriginalTime);
    }

    [SkippableFact]
    public void A_missing_version_that_is_not_on_the_allowlist_is_refused_and_the_file_left_alone()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), NotLinux);
        using var lib = new LibraryCopy();
        LibStdCxxCompat.SafeToWeaken.ContainsKey(Glibcxx30).ShouldBeFalse();
        lib.Needed.ShouldContain(Glibcxx30);

        var e = Should.Throw<TorchUnavailableException>(() => LibStdCxxCompat.Ensure(lib.Path, lib.NeededWithout(Glibcxx30, Glibcxx32)));

        e.ShouldBeOneLineMentioning(Glibcxx30, "libstdc++", "Fix:");
        File.ReadAllBytes(lib.Path).ShouldBe(lib.Original);
        lib.FilesInFolder.ShouldBe(["libLibTorchSharp.so"]);
    }

    [SkippableFact]
    public void Only_the_init_anchor_symbol_is_bound_to_GLIBCXX_3_4_32()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), NotLinux);
        using var lib = new LibraryCopy();
        var image = ElfImage.Load(lib.Path);
        var v32 = lib.Version(Glibcxx32);
        image.SymbolsBoundTo(v32.Index).ShouldBe(LibStdCxxCompat.SafeToWeaken[Glibcxx32]);
    }

    [SkippableFact]
    public void The_system_libstdcxx_defines_GLIBCXX_3_4_30()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), NotLinux);
        string? path = SystemLibStdCxx.Locate();
        path.ShouldNotBeNull();
        var defined = ElfImage.Load(path).DefinedVersions();
        defined.ShouldContain(Glibcxx30);
        defined.ShouldContain("GLIBCXX_3.4");
        defined.ShouldAllBe(n => n.StartsWith("GLIBCXX_") || n.StartsWith("CXXABI_") || n == "libstdc++.so.6",
            "a verdef section lists the library's own soname and its version names only");
    }

    [SkippableFact]
    public void At_startup_the_shipped_library_was_patched_exactly_when_the_system_lacks_the_version()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), NotLinux);
        TorchRuntime.EnsureInitialized();
        var defined = SystemLibStdCxx.DefinedVersions(SystemLibStdCxx.Locate()!);
        TorchRuntime.PreparedLibraries.ShouldNotBeEmpty();
        foreach (var (path, report) in TorchRuntime.PreparedLibraries)
        {
            if (defined.Contains(Glibcxx32))
                report.Outcome.ShouldBe(LibStdCxxCompat.Outcome.NotNeeded, path);
            else
                report.Outcome.ShouldBeOneOf(LibStdCxxCompat.Outcome.Patched, LibStdCxxCompat.Outcome.AlreadyPatched);
        }
    }

    [Fact]
    public void Bytes_that_are_not_ELF_are_rejected()
    {
        Should.Throw<InvalidDataException>(() => ElfImage.Parse(new byte[128]));
        Should.Throw<InvalidDataException>(() => ElfImage.Parse("\u007fELF"u8.ToArray()));
    }
}
