using ReproSpecs.Harness.Configuration;
using System.Diagnostics;
using ReproSpecs.Harness.Records;
using ReproSpecs.Harness.Results;

namespace ReproSpecs.Tests.Reliability;

/// <summary>
/// Fault-injection soak of <c>reprospecs run</c> (smoke, charlm, relu): random SIGKILLs, corruption of each
/// file kind, a full disk and inode exhaustion on a small tmpfs, read-only and non-writable stores,
/// concurrent processes and NaN divergence. After each fault every committed file must verify, finished
/// trials must survive, and the recovered store must equal a clean run's bit for bit. Faults the machine
/// cannot inject (no mount, no setpriv) are skipped with the reason.
/// </summary>
internal sealed class SoakDriver(Action<string> log, int seed)
{
    /// <summary>Per fault kind: injected, survived, lost, skipped (with reason).</summary>
    public sealed record Tally(string Kind)
    {
        public int Injected { get; set; }
        public int Survived { get; set; }
        public int Lost { get; set; }
        public string? Skipped { get; set; }
    }

    private readonly Random _random = new(seed);
    private readonly Dictionary<string, Tally> _tallies = new(StringComparer.Ordinal);
    private SortedDictionary<string, string> _reference = null!;
    private readonly List<string> _cleanup = [];
    private string _clean = "";

    /// <summary>A new folder holding a copy of the clean run's store (what a finished run leaves).</summary>
    private string CompleteCopy()
    {
        string dir = NewFolder();
        foreach (var file in Directory.EnumerateFiles(_clean, "*", SearchOption.AllDirectories))
        {
            string to = Path.Combine(dir, Path.GetRelativePath(_clean, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }
        return dir;
    }

    private static string[] Args(string results, int trials = 3) =>
        ["run", "--profile", "smoke", "--arch", "charlm", "--activation", "relu", "--trials", trials.ToString(System.Globalization.CultureInfo.InvariantCulture),
         "--max-iters", "40", "--threads", "1", "--results", results];

    /// <summary>Runs <paramref name="rounds"/> rounds of every fault kind; returns the tallies.</summary>
    public IReadOnlyList<Tally> Run(int rounds)
    {
        try
        {
            string clean = _clean = NewFolder();
            Expect(CliProcess.Run(Args(clean)), 0, "clean run");
            _reference = StoreInspection.Numbers(clean);
            var kinds = new (string Name, Func<bool?> Round)[]
            {
                ("sigkill", Kill), ("corrupt-trial-json", () => Corrupt("trial")), ("corrupt-f32", () => Corrupt("f32")),
                ("corrupt-cell-json", () => Corrupt("cell")), ("corrupt-config-json", () => Corrupt("config")),
                ("disk-full", () => Tmpfs("size=400k")), ("inodes", () => Tmpfs("size=16m,nr_inodes=7")),
                ("read-only", ReadOnly), ("non-writable", NonWritable), ("concurrent", Concurrent), ("diverge", Diverge),
            };
            for (int r = 0; r < rounds; r++)
                foreach (var (name, round) in kinds)
                {
                    var tally = _tallies.TryGetValue(name, out var t) ? t : _tallies[name] = new Tally(name);
                    if (tally.Skipped is not null) continue;
                    bool? ok;
                    try { ok = round(); }
                    catch (Exception e) when (e is SoakFailure or ResultFileException)
                    {
                        log($"{name}: LOST: {e.Message}");
                        ok = false;
                    }
                    if (ok is null) continue;
                    tally.Injected++;
                    if (ok.Value) tally.Survived++; else tally.Lost++;
                }
            return _tallies.Values.ToList();
        }
        finally
        {
            foreach (var dir in _cleanup) Remove(dir);
        }
    }

    private sealed class SoakFailure(string message) : Exception(message);

    private string NewFolder()
    {
        string dir = Path.Combine(Path.GetTempPath(), "reprospecs-soak-" + Guid.NewGuid().ToString("N")[..12]);
        _cleanup.Add(dir);
        return dir;
    }

    private static void Remove(string dir)
    {
        if (!Directory.Exists(dir)) return;
        if (!OperatingSystem.IsWindows())
            foreach (var d in Directory.EnumerateDirectories(dir, "*", SearchOption.AllDirectories).Append(dir))
                File.SetUnixFileMode(d, (UnixFileMode)0b111_101_101);
        Directory.Delete(dir, recursive: true);
    }

    private static void Expect((int Code, string Output) run, int code, string what)
    {
        if (run.Code != code) throw new SoakFailure($"{what}: exit {run.Code}, expected {code}: {Last(run.Output)}");
        if (code == 2 && (run.Output.Contains("   at ", StringComparison.Ordinal) || run.Output.Split('\n').Count(l => l.StartsWith("error:", StringComparison.Ordinal)) != 1))
            throw new SoakFailure($"{what}: not one clear error line: {Last(run.Output)}");
    }

    private static string Last(string output) => string.Join(" | ", output.Trim().Split('\n').TakeLast(3));

    /// <summary>Every committed file verifies; the store equals the clean run's; committed trials before the fault are still there, byte for byte.</summary>
    private bool Recovered(string store, IReadOnlyDictionary<string, string>? committedBefore = null)
    {
        StoreInspection.AssertEveryCommittedFileIsWhole(store);
        if (!StoreInspection.Numbers(store).SequenceEqual(_reference)) throw new SoakFailure($"{store} differs from the clean run");
        foreach (var (path, sha) in committedBefore ?? new Dictionary<string, string>())
            if (!File.Exists(path) || Sha(path) != sha) throw new SoakFailure($"{path} finished before the fault but was lost or rewritten");
        return true;
    }

    private static Dictionary<string, string> Committed(string store) => !Directory.Exists(store) ? [] :
        Directory.EnumerateFiles(store, "trial-*.json", SearchOption.AllDirectories).ToDictionary(p => p, Sha);

    private static string Sha(string path) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path)));

    private int? _slowRunMs;

    private bool? Kill()
    {
        string store = NewFolder();
        var slow = new Dictionary<string, string> { [EnvironmentVariables.FaultWriteDelayMs] = "100" };
        // Kill inside the run, not after it: the delay is drawn from the measured length of an uninterrupted slow run.
        if (_slowRunMs is null)
        {
            var clock = Stopwatch.StartNew();
            Expect(CliProcess.Run(Args(NewFolder()), slow), 0, "timed slow run");
            _slowRunMs = (int)clock.ElapsedMilliseconds;
            log($"sigkill: an uninterrupted slow run takes {_slowRunMs} ms");
        }
        for (int kills = 0; kills < 2; kills++)
        {
            var before = Committed(store);
            using var run = CliProcess.Start(Args(store), slow);
            int delay = _random.Next(_slowRunMs.Value / 10, _slowRunMs.Value * 9 / 10);
            if (run.WaitForExit(TimeSpan.FromMilliseconds(delay))) break;
            run.Kill();
            log($"sigkill after {delay} ms ({before.Count} trials committed before)");
            StoreInspection.AssertEveryCommittedFileIsWhole(store);
            foreach (var (path, sha) in before)
                if (Sha(path) != sha) throw new SoakFailure($"{path} changed under a kill");
        }
        var committed = Committed(store);
        Expect(CliProcess.Run(Args(store)), 0, "rerun after kills");
        return Recovered(store, committed);
    }

    private bool? Corrupt(string kind)
    {
        string store = CompleteCopy();
        var files = Directory.EnumerateFiles(store, "*", SearchOption.AllDirectories).Where(p => kind switch
        {
            "trial" => Path.GetFileName(p).StartsWith("trial-", StringComparison.Ordinal) && p.EndsWith(".json", StringComparison.Ordinal),
            "f32" => p.EndsWith(".f32", StringComparison.Ordinal),
            "cell" => Path.GetFileName(p) == "cell.json",
            _ => Path.GetFileName(p) == "config.json",
        }).Order(StringComparer.Ordinal).ToList();
        string victim = files[_random.Next(files.Count)];
        var bytes = File.ReadAllBytes(victim);
        string how;
        switch (_random.Next(3))
        {
            case 0: File.WriteAllBytes(victim, bytes[..(bytes.Length / 2)]); how = "truncated"; break;
            case 1: bytes[_random.Next(bytes.Length)] ^= 0x10; File.WriteAllBytes(victim, bytes); how = "flipped a byte of"; break;
            default: File.Delete(victim); how = "deleted"; break;
        }
        log($"corrupt: {how} {Path.GetRelativePath(store, victim)}");
        var report = global::ReproSpecs.Reports.ReportBuilder.Build(new global::ReproSpecs.Reports.ReportInput([], [store], Path.Combine(store + "-report")));
        _cleanup.Add(store + "-report");
        bool flagged = report.Problems > 0 || how == "deleted" && kind is "cell"; // a deleted cell.json is simply absent
        if (!flagged) throw new SoakFailure($"the report did not flag: {how} {victim}");
        Expect(CliProcess.Run(Args(store)), 0, "rerun after corruption");
        Recovered(store);
        return global::ReproSpecs.Reports.Store.ResultsCatalog.Load([store]).Problems.Any()
            ? throw new SoakFailure("the report still flags a problem after the rerun") : true;
    }

    private bool? Tmpfs(string options)
    {
        var tally = _tallies[options.Contains("inodes", StringComparison.Ordinal) ? "inodes" : "disk-full"];
        using var mount = ScratchMount.TryTmpfs(options, out string reason);
        if (mount is null) { tally.Skipped = reason; log($"{tally.Kind}: skipped: {reason}"); return null; }
        var run = CliProcess.Run(Args(mount.Path));
        Expect(run, 2, tally.Kind);
        log($"{tally.Kind}: {Last(run.Output)[..Math.Min(160, Last(run.Output).Length)]}");
        StoreInspection.AssertEveryCommittedFileIsWhole(mount.Path);
        var committed = Committed(mount.Path);
        Process.Start("mount", ["-o", "remount,size=64m,nr_inodes=10000", mount.Path])!.WaitForExit();
        Expect(CliProcess.Run(Args(mount.Path)), 0, $"rerun after {tally.Kind}");
        return Recovered(mount.Path, committed);
    }

    private bool? ReadOnly()
    {
        string store = CompleteCopy();
        using (var ro = ScratchMount.TryReadOnlyBind(store, out string reason))
        {
            if (ro is null) { _tallies["read-only"].Skipped = reason; return null; }
            Expect(CliProcess.Run(Args(ro.Path)), 0, "complete read-only store");
        }
        var first = Directory.EnumerateFiles(store, "trial-01-*.json", SearchOption.AllDirectories).First();
        File.Delete(first);
        using (var ro = ScratchMount.TryReadOnlyBind(store, out _))
        {
            var clock = Stopwatch.StartNew();
            Expect(CliProcess.Run(Args(ro!.Path)), 2, "read-only store with a trial missing");
            if (clock.Elapsed > TimeSpan.FromSeconds(60)) throw new SoakFailure("a read-only store waited");
        }
        Expect(CliProcess.Run(Args(store)), 0, "rerun once writable");
        return Recovered(store);
    }

    private bool? NonWritable()
    {
        var runAs = ScratchMount.AsNobody(out string reason);
        if (runAs is null || OperatingSystem.IsWindows()) { _tallies["non-writable"].Skipped = reason; return null; }
        if (CoverageProbe.Instrumented)
        {
            _tallies["non-writable"].Skipped = CoverageProbe.SkipReason;
            return null;
        }
        string store = CompleteCopy();
        File.Delete(Directory.EnumerateFiles(store, "trial-02-*.json", SearchOption.AllDirectories).First());
        var dirs = Directory.EnumerateDirectories(store, "*", SearchOption.AllDirectories).Append(store).ToList();
        foreach (var d in dirs) File.SetUnixFileMode(d, (UnixFileMode)0b101_101_101);
        Expect(CliProcess.Run(Args(store), runAs: runAs), 2, "non-writable store with a trial missing");
        foreach (var d in dirs) File.SetUnixFileMode(d, (UnixFileMode)0b111_101_101);
        Expect(CliProcess.Run(Args(store)), 0, "rerun once writable");
        return Recovered(store);
    }

    private bool? Concurrent()
    {
        string store = NewFolder();
        int n = 3;
        var runs = Enumerable.Range(0, n).Select(_ => CliProcess.Start(Args(store))).ToList();
        try
        {
            foreach (var r in runs)
            {
                if (!r.WaitForExit(TimeSpan.FromMinutes(5))) throw new SoakFailure("a concurrent run hung");
                if (r.ExitCode != 0) throw new SoakFailure($"a concurrent run failed: {Last(r.Output)}");
            }
        }
        finally { foreach (var r in runs) r.Dispose(); }
        log($"concurrent: {n} processes");
        return Recovered(store);
    }

    private bool? Diverge()
    {
        string store = NewFolder();
        var run = CliProcess.Run(Args(store), new Dictionary<string, string> { ["REPROSPECS_FAULT_DIVERGE"] = $"{_random.Next(2, 40)}:1" });
        Expect(run, 0, "diverging run");
        var cell = ResultStore.LoadCell(Directory.EnumerateFiles(store, "cell.json", SearchOption.AllDirectories).Single());
        if (cell.Summary.DivergedTrials != 1 || cell.Trials[1].Status != TrialStatus.Diverged || cell.Pairs.Any(p => p.TrialA == 1 || p.TrialB == 1))
            throw new SoakFailure("the injected NaN did not give exactly one diverged trial kept out of the pairs");
        StoreInspection.AssertEveryCommittedFileIsWhole(store);
        // A diverged trial is a finished result: deleting it and rerunning without the fault restores the clean store.
        foreach (var f in Directory.EnumerateFiles(store, "trial-01-*", SearchOption.AllDirectories)) File.Delete(f);
        Expect(CliProcess.Run(Args(store)), 0, "rerun without the fault");
        return Recovered(store);
    }
}
