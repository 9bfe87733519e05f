using System.Globalization;
using System.Text.Json;
using ReproSpecs.Harness.Records;
using ReproSpecs.Harness.Results;
using Shouldly;
using Xunit;

namespace ReproSpecs.Tests.Reliability;

/// <summary>
/// Issue #16's contract, end to end with the real command: a run split into N shards (separate processes, separate
/// stores) and joined by <c>reprospecs merge</c> gives exactly the cells and probabilities of one process, bit for bit,
/// for N = 1, 3 and 7; a shard killed midway makes the merge name exactly its missing trials and the shard to rerun;
/// after the rerun the merge is complete and identical again. Duplicates across stores are kept once when identical
/// and refused when they disagree.
/// </summary>
[Collection(ReliabilityCollection.Name)]
public sealed class ShardedRunTests : IDisposable
{
    private const int Trials = 3;
    private readonly string _root = Path.Combine(Path.GetTempPath(), "reprospecs-shards-" + Guid.NewGuid().ToString("N"));

    private static readonly string[] Grid =
        ["--profile", "smoke", "--arch", "charlm,tinylstm", "--activation", "gelu,relu", "--trials", "3", "--max-iters", "20", "--threads", "1"];

    private string Folder(string name) => Path.Combine(_root, name);

    private static string[] Run(string results, string? shard = null) =>
        shard is null ? ["run", .. Grid, "--results", results] : ["run", .. Grid, "--results", results, "--shard", shard];

    private static (int Code, string Output) Merge(IEnumerable<string> stores, string output) =>
        CliProcess.Run(["merge", "--results", .. stores, "--out", output]);

    private string[] Shards(int n, string prefix)
    {
        var stores = Enumerable.Range(0, n).Select(i => Folder($"{prefix}-{i}")).ToArray();
        for (int i = 0; i < n; i++)
        {
            var (code, log) = CliProcess.Run(Run(stores[i], string.Create(CultureInfo.InvariantCulture, $"{i}/{n}")));
            code.ShouldBe(0, log);
            log.ShouldContain(string.Create(CultureInfo.InvariantCulture, $"shard {i} of {n} (--shard={i}/{n}): "));
            Directory.EnumerateFiles(stores[i], "cell*.json", SearchOption.AllDirectories).ShouldBeEmpty("a shard writes no cell record");
        }
        return stores;
    }

    [Fact]
    public void Shards_merged_equal_one_process_bit_for_bit_and_a_killed_shard_is_named_and_rerun()
    {
        string single = Folder("single");
        var (code, log) = CliProcess.Run(Run(single));
        code.ShouldBe(0, log);
        var expected = Cells(single);
        expected.Count.ShouldBe(4);

        var verdicts = new List<List<string>>();
        foreach (int n in new[] { 1, 3, 7 })
        {
            var stores = Shards(n, $"n{n}");
            string merged = Folder($"merged-{n}");
            var (mergeCode, mergeLog) = Merge(stores, merged);
            mergeCode.ShouldBe(0, mergeLog);
            FirstLine(mergeLog).ShouldStartWith("complete: 12 of 12 trials");
            AssertSameAsSingle(single, merged, $"{n} shard(s)");
            verdicts.Add(Verdicts(mergeLog));
        }
        verdicts[0].ShouldContain(v => v.StartsWith("charlm/H1[gelu] ", StringComparison.Ordinal));
        verdicts[0].ShouldContain(v => v.StartsWith("H3 ", StringComparison.Ordinal), "two architectures: the report's machinery decides H3 from the merged cells");
        verdicts[1].ShouldBe(verdicts[0], "the same verdicts from 3 shards as from 1");
        verdicts[2].ShouldBe(verdicts[0], "the same verdicts from 7 shards as from 1");

        // Kill shard 1 of 3 after its first trial is committed; slowed writes keep the next one from finishing first.
        var killed = Folder("k-1");
        var others = new[] { Folder("k-0"), Folder("k-2") };
        foreach (var (store, i) in new[] { (others[0], 0), (others[1], 2) })
            CliProcess.Run(Run(store, $"{i}/3")).ExitCode.ShouldBe(0);
        using (var shard = CliProcess.Start(Run(killed, "1/3"), new Dictionary<string, string> { ["REPROSPECS_FAULT_WRITE_DELAY_MS"] = "400" }))
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
            while (!TrialFiles(killed).Any() && !shard.HasExited && DateTime.UtcNow < deadline) Thread.Sleep(25);
            shard.HasExited.ShouldBeFalse($"the shard finished before it could be killed: {shard.Output}");
            shard.Kill();
        }
        var finished = TrialFiles(killed).Select(Path.GetFileName).ToList();
        finished.Count.ShouldBeGreaterThan(0);
        var manifest = ShardManifestOf(killed);
        manifest.Assigned.Count.ShouldBeGreaterThan(finished.Count, "the kill left trials of the shard unfinished");
        var missing = manifest.Assigned.Where(t => !File.Exists(new ResultStore(killed).TrialPath(Config(t, manifest), t.Index, t.Seeds))).ToList();
        missing.Count.ShouldBe(manifest.Assigned.Count - finished.Count);

        string partial = Folder("merged-partial");
        var (partialCode, partialLog) = Merge([others[0], killed, others[1]], partial);
        partialCode.ShouldBe(3, partialLog);
        FirstLine(partialLog).ShouldBe($"incomplete: {missing.Count} of 12 trials missing — rerun shards 1");
        var listed = partialLog.Split('\n').Where(l => l.StartsWith("  missing: ", StringComparison.Ordinal)).Select(l => l.Trim()).ToList();
        listed.ShouldBe(missing.Select(t => $"missing: {t} (shard 1 of 3)").ToList(), ignoreOrder: true);
        Directory.EnumerateFiles(partial, "cell.json", SearchOption.AllDirectories).Count()
            .ShouldBe(4 - missing.Select(t => (t.Model, t.Activation)).Distinct().Count(), "only the cells with every trial are computed");

        var (rerunCode, rerunLog) = CliProcess.Run(Run(killed, "1/3"));
        rerunCode.ShouldBe(0, rerunLog);
        rerunLog.ShouldContain($"trained {missing.Count}, found {finished.Count} stored");
        var (finalCode, finalLog) = Merge([others[0], killed, others[1]], partial);
        finalCode.ShouldBe(0, finalLog);
        FirstLine(finalLog).ShouldStartWith("complete: 12 of 12 trials");
        AssertSameAsSingle(single, partial, "after the killed shard's rerun");

        // The same shard in two stores: kept once when identical, refused when a byte differs.
        string copy = Folder("k-1-copy");
        CopyTree(killed, copy);
        var (dupCode, dupLog) = Merge([others[0], killed, copy, others[1]], Folder("merged-dup"));
        dupCode.ShouldBe(0, dupLog);
        dupLog.ShouldContain($"{manifest.Assigned.Count} found twice with identical content, kept once");
        string victim = Directory.EnumerateFiles(copy, "*.last.f32", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        var bytes = File.ReadAllBytes(victim);
        bytes[^1] ^= 1;
        File.WriteAllBytes(victim, bytes);
        var (badCode, badLog) = Merge([others[0], killed, copy, others[1]], Folder("merged-bad"));
        badCode.ShouldBe(2, badLog);
        badLog.ShouldContain($"in {killed} and in {copy} with different probabilities");
    }

    [Fact]
    public void Merge_refuses_a_store_without_a_manifest_and_shards_of_different_plans()
    {
        string single = Folder("plain");
        CliProcess.Run(Run(single)).ExitCode.ShouldBe(0);
        // Two processes with the same shard index over one store (a pool of 2 workers) split its trials under the locks.
        string shard = Folder("s0");
        var (poolCode, poolLog) = CliProcess.Run([.. Run(shard, "0/2"), "--workers", "2"]);
        poolCode.ShouldBe(0, poolLog);
        poolLog.Split('\n').Where(l => l.Contains("] done: trained ", StringComparison.Ordinal))
            .Sum(l => int.Parse(l.Split("done: trained ")[1].Split(',')[0], CultureInfo.InvariantCulture)).ShouldBe(6, poolLog);
        ShardManifestOf(shard).Finished.Count.ShouldBe(6);
        var (code, log) = Merge([shard, single], Folder("m"));
        code.ShouldBe(2, log);
        log.ShouldContain($"error: {single} holds no shard manifest");

        // A Slurm array's variables make a shard too, recorded with their raw values.
        string otherPlan = Folder("other");
        var (slurmCode, slurmLog) = CliProcess.Run(Run(otherPlan), new Dictionary<string, string> { ["SLURM_ARRAY_TASK_ID"] = "1", ["SLURM_ARRAY_TASK_COUNT"] = "3" });
        slurmCode.ShouldBe(0, slurmLog);
        slurmLog.ShouldContain("shard 1 of 3 (SLURM_ARRAY_TASK_COUNT=3, SLURM_ARRAY_TASK_ID=1): 4 of 12 trials, ~");
        var slurm = ShardManifestOf(otherPlan);
        (slurm.Adapter, slurm.Index, slurm.Count).ShouldBe(("slurm", 1, 3));
        slurm.Variables["SLURM_ARRAY_TASK_ID"].ShouldBe("1");
        slurm.Finished.ShouldBe(slurm.Assigned);
        var (badCode, badLog) = CliProcess.Run(Run(Folder("bad")), new Dictionary<string, string> { ["SLURM_ARRAY_TASK_ID"] = "4", ["SLURM_ARRAY_TASK_COUNT"] = "3" });
        badCode.ShouldBe(2, badLog);
        badLog.Trim().ShouldStartWith("error: SLURM_ARRAY_TASK_ID gives shard index 4 of 3");
        badLog.Trim().Split('\n').Length.ShouldBe(1, "one line");
        (code, log) = Merge([shard, otherPlan], Folder("m2"));
        code.ShouldBe(2, log);
        log.ShouldContain("error: The shards belong to different plans: plan ");
        log.ShouldContain("2 shards) in " + shard);
        log.ShouldContain("3 shards) in " + otherPlan);

        var (autoCode, autoLog) = CliProcess.Run(["run", .. Grid.Select(a => a == "3" ? "auto" : a), "--results", Folder("auto"), "--shard", "0/2"]);
        autoCode.ShouldBe(2, autoLog);
        autoLog.ShouldContain("error: --trials auto (a sequential design) cannot be sharded");
        autoLog.ShouldContain("the sequential design reuses the stored trials of each cell");
    }

    /// <summary>The verdict lines a merge printed (each starts with its hypothesis id).</summary>
    private static List<string> Verdicts(string output) =>
        output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^([a-z0-9_]+/)?H\d")).ToList();

    private static string FirstLine(string output) => output.Split('\n').Select(l => l.TrimEnd('\r')).First(l => l.Length > 0);

    private static IEnumerable<string> TrialFiles(string store) =>
        Directory.Exists(store) ? Directory.EnumerateFiles(store, "trial-*.json", SearchOption.AllDirectories) : [];

    private static Harness.Sharding.ShardManifest ShardManifestOf(string store) =>
        Harness.Sharding.ShardManifests.Read(Harness.Sharding.ShardManifests.Find(store).Single());

    private static CellConfig Config(Harness.Sharding.TrialIdentity t, Harness.Sharding.ShardManifest m) =>
        m.Cells.First(c => c.Config.Hash == t.ConfigHash && c.Arm == t.Arm).Config;

    /// <summary>Each cell's numbers: everything but timings, finish times and the provenance of the process that wrote it.</summary>
    private static SortedDictionary<string, string> Cells(string root)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(root, "cell.json", SearchOption.AllDirectories))
        {
            var cell = ResultStore.LoadCell(path);
            var trials = cell.Trials.Select(t => t with { Timing = new TrialTiming(0, 0, 0, 0, 0, 0), FinishedAt = default }).ToList();
            result[cell.Config.Label] = string.Join("\n",
                cell.ConfigHash, cell.EvalFingerprint, JsonSerializer.Serialize(trials, Json.Options), JsonSerializer.Serialize(cell.Pairs, Json.Options),
                JsonSerializer.Serialize(cell.Summary, Json.Options), JsonSerializer.Serialize(cell.ValidityProblems, Json.Options));
        }
        return result;
    }

    private static void AssertSameAsSingle(string single, string merged, string what)
    {
        Cells(merged).ShouldBe(Cells(single), $"{what}: the cells' trials, pairs and summaries");
        var files = Directory.EnumerateFiles(single, "*.f32", SearchOption.AllDirectories).Select(p => Path.GetRelativePath(single, p)).Order(StringComparer.Ordinal).ToList();
        files.Count.ShouldBe(12 * 3, "last, best and as-coded probabilities of 12 trials");
        Directory.EnumerateFiles(merged, "*.f32", SearchOption.AllDirectories).Select(p => Path.GetRelativePath(merged, p)).Order(StringComparer.Ordinal).ToList()
            .ShouldBe(files, $"{what}: the same probability files");
        foreach (var file in files)
            File.ReadAllBytes(Path.Combine(merged, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(single, file)))
                .ShouldBeTrue($"{what}: {file} differs");
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }
}
