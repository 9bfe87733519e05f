using ReproSpecs.Harness.Results;
using ReproSpecs.Harness.Configuration;
using ReproSpecs.Harness.Records;
using ReproSpecs.Reports;

namespace ReproSpecs.Tests.Reports;

/// <summary>
/// A temporary copy of the committed report fixture (tests/Reports/Fixtures): results of two shards, their
/// TRX logs, and an output folder beside them, so links in the report are stable relative paths
/// (<c>../results/shard-a/…</c>) wherever the tests run. Tests may damage the copy freely.
/// </summary>
public sealed class ReportWorkspace : IDisposable
{
    /// <summary>The committed fixture folder.</summary>
    public static string FixtureDirectory { get; } = Path.Combine(
        UserPaths.FindRepositoryRoot(AppContext.BaseDirectory) ?? throw new InvalidOperationException("tests must run inside the repository (ReproSpecs.sln not found above the test binaries)"),
        "tests", "Reports", "Fixtures");

    /// <summary>Copies the fixture into a new temporary folder.</summary>
    public ReportWorkspace()
    {
        Root = Path.Combine(Path.GetTempPath(), "reprospecs-report-" + Guid.NewGuid().ToString("N")[..12]);
        Copy(Path.Combine(FixtureDirectory, "results"), Path.Combine(Root, "results"));
        Copy(Path.Combine(FixtureDirectory, "logs"), Path.Combine(Root, "logs"));
    }

    /// <summary>The temporary folder.</summary>
    public string Root { get; }

    /// <summary>Results folder of shard a (relu, gelu).</summary>
    public string ShardA => Path.Combine(Root, "results", "shard-a");

    /// <summary>Results folder of shard b (swiglu).</summary>
    public string ShardB => Path.Combine(Root, "results", "shard-b");

    /// <summary>The two shards' logs.</summary>
    public IReadOnlyList<string> Logs => [Path.Combine(Root, "logs", "shard-a", "charlm.trx"), Path.Combine(Root, "logs", "shard-b", "charlm.trx")];

    /// <summary>The report's output folder.</summary>
    public string Output => Path.Combine(Root, "report");

    /// <summary>The input for both shards.</summary>
    public ReportInput Input(IReadOnlyList<string>? logs = null, IReadOnlyList<string>? results = null) =>
        new(logs ?? Logs, results ?? [ShardA, ShardB], Output);

    /// <summary>Path of a cell.json in the copy, e.g. <c>Cell("shard-a", "gelu")</c>.</summary>
    public string Cell(string shard, string activation) =>
        Directory.EnumerateFiles(Path.Combine(Root, "results", shard, "smoke", "charlm", activation), "cell.json", SearchOption.AllDirectories).Single();

    /// <summary>The fixture's hypothesis family file (CharLM's family, in shard b).</summary>
    public string FamilyFile => Path.Combine(ShardB, "smoke", "hypotheses", "charlm.json");

    /// <summary>The fixture's seed-ablation arm file (the init arm of gelu, beside its cell.json in shard a).</summary>
    public string ArmFile(SeedArm arm = SeedArm.InitOnly) => Path.Combine(Path.GetDirectoryName(Cell("shard-a", "gelu"))!, StoreLayout.CellFileName(arm));

    /// <summary>Deletes the fixture's hypothesis and ablation files, leaving the study's cells.</summary>
    public void RemoveOptionalFiles()
    {
        File.Delete(FamilyFile);
        File.Delete(ArmFile());
    }

    /// <inheritdoc />
    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { }
    }

    private static void Copy(string from, string to)
    {
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
    }
}
