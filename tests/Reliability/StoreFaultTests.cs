using ReproSpecs.Harness.Records;
using ReproSpecs.Harness.Cells;
using ReproSpecs.Harness.Results;
using ReproSpecs.Harness.Training;
using Shouldly;
using Xunit;

namespace ReproSpecs.Tests.Reliability;

/// <summary>
/// Issue #14: lock files that cannot be created, read-only and non-writable stores, abandoned locks,
/// an altered config.json, a results path that is a file, and a run over a complete store that must write nothing.
/// </summary>
[Collection(ReliabilityCollection.Name)]
public sealed class StoreFaultTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "reprospecs-store-" + Guid.NewGuid().ToString("N"));

    private CellResult RunTiny(ResultStore store, IProgressSink? progress = null, int trials = 3)
    {
        using var context = ExperimentContext.Create(TinyCell.Profile, TinyCell.SyntheticCorpus());
        return new CellRunner(context, store, progress).Run("charlm", "relu", trials);
    }

    /// <summary>Runs <paramref name="body"/> with a deadline: a test of "never waits forever" must not hang itself.</summary>
    private static T Within<T>(TimeSpan limit, Func<T> body)
    {
        var task = Task.Run(body);
        task.Wait(limit).ShouldBeTrue($"still running after {limit.TotalSeconds} s (it waits forever)");
        return task.Result;
    }

    private static string[] CliArgs(string results) =>
        ["run", "--profile", "smoke", "--arch", "charlm", "--activation", "relu", "--trials", "2", "--max-iters", "20", "--threads", "1", "--results", results];

    private static void ShouldBeOneLineError(int code, string output, string expected)
    {
        code.ShouldBe(2, output);
        output.ShouldContain(expected);
        output.ShouldNotContain("   at ", Case.Sensitive, "no stack trace");
        output.Split('\n').Count(l => l.StartsWith("error:", StringComparison.Ordinal)).ShouldBe(1, output);
    }

    [SkippableFact]
    public void A_read_only_store_with_a_trial_missing_fails_at_once_naming_the_trial_and_the_fix()
    {
        var store = new ResultStore(_root);
        var first = RunTiny(store);
        File.Delete(store.TrialPath(first.Record.Config, 1, first.Record.Trials[1].Seeds));
        using var ro = ScratchMount.TryReadOnlyBind(_root, out string reason);
        Skip.If(ro is null, reason);

        var error = Within(TimeSpan.FromSeconds(60), () => Should.Throw<ResultFileException>(() => RunTiny(new ResultStore(ro!.Path))));
        error.Kind.ShouldBe(ResultFileError.Unwritable);
        error.Message.ShouldContain("Trial 1 of tiny-test/charlm/relu");
        error.Message.ShouldContain("read-only file system");
        error.Message.ShouldContain("Fix:");
        error.Message.ShouldNotContain("\n");
    }

    [SkippableFact]
    public void A_complete_store_on_read_only_media_is_rerun_without_writing()
    {
        var store = new ResultStore(_root);
        var first = RunTiny(store);
        using var ro = ScratchMount.TryReadOnlyBind(_root, out string reason);
        Skip.If(ro is null, reason);

        var again = RunTiny(new ResultStore(ro!.Path));
        again.ReusedTrials.ShouldBe(3);
        StoreInspection.Numbers(ro.Path).ShouldBe(StoreInspection.Numbers(_root));
        again.Record.Provenance.ShouldBe(first.Record.Provenance, "the stored cell.json is what it returns");
    }

    [Fact]
    public void A_rerun_over_a_complete_store_writes_nothing()
    {
        var store = new ResultStore(_root);
        RunTiny(store);
        var before = TinyCell.Snapshot(_root);
        Thread.Sleep(20); // so a rewrite would show in the write times
        RunTiny(store).ReusedTrials.ShouldBe(3);
        TinyCell.Snapshot(_root).ShouldBe(before, "reading never writes: cell.json, config.json and every trial file untouched");
    }

    [Fact]
    public async Task A_lock_held_by_a_live_process_is_waited_for_and_its_holder_named()
    {
        var store = new ResultStore(_root);
        var cell = CellConfigs.For(TinyCell.Profile, "charlm", "relu", "synthetic-sha");
        var seeds = CellRunner.DefaultSeeds(TinyCell.Profile, 3);
        var held = FileLock.TryAcquire(store.TrialLockPath(cell, 2, seeds[2])).ShouldNotBeNull();
        FileLock.ReadHolder(held.Path).ShouldNotBeNull().Pid.ShouldBe(Environment.ProcessId, "the holder writes its pid into the lock file");
        var notes = new TinyCell.Notes();
        var run = Task.Run(() => RunTiny(store, notes));
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!notes.All.Any(n => n.StartsWith("waiting", StringComparison.Ordinal)) && DateTime.UtcNow < deadline) await Task.Delay(100);
        notes.All.ShouldContain(n => n.Contains($"trial 2 by pid {Environment.ProcessId} on host {Environment.MachineName}"));
        run.IsCompleted.ShouldBeFalse("a live holder is waited for");
        held.Dispose();
        (await run.WaitAsync(TimeSpan.FromSeconds(60))).Record.Summary.CompletedTrials.ShouldBe(3);
    }

    [Fact]
    public void A_lock_whose_holder_is_gone_is_given_up_after_the_stated_time()
    {
        var store = new ResultStore(_root);
        var cell = CellConfigs.For(TinyCell.Profile, "charlm", "relu", "synthetic-sha");
        var seeds = CellRunner.DefaultSeeds(TinyCell.Profile, 3);
        using var exited = System.Diagnostics.Process.Start("true")!;
        exited.WaitForExit();
        using var held = FileLock.TryAcquire(store.TrialLockPath(cell, 1, seeds[1])).ShouldNotBeNull();
        held.Advertise(new LockHolder(exited.Id, Environment.MachineName, DateTimeOffset.UtcNow));
        var timeout = CellRunner.AbandonedLockTimeout;
        CellRunner.AbandonedLockTimeout = TimeSpan.FromSeconds(1);
        try
        {
            var error = Within(TimeSpan.FromSeconds(60), () => Should.Throw<ResultFileException>(() => RunTiny(store)));
            error.Kind.ShouldBe(ResultFileError.AbandonedLock);
            error.Message.ShouldContain($"pid {exited.Id}");
            error.Message.ShouldContain("no longer running");
            error.Message.ShouldContain(held.Path);
        }
        finally { CellRunner.AbandonedLockTimeout = timeout; }
    }

    [Fact]
    public void An_altered_config_json_is_reported_and_restored_on_the_next_run()
    {
        var store = new ResultStore(_root);
        var cell = RunTiny(store).Record.Config;
        string path = store.ConfigPath(cell);
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"max_iters\": 40", "\"max_iters\": 41", StringComparison.Ordinal));
        Should.Throw<ResultFileException>(() => SealedJson.Read<CellConfig>(path)).Kind.ShouldBe(ResultFileError.Altered);

        var notes = new TinyCell.Notes();
        RunTiny(store, notes);
        notes.All.ShouldContain(n => n.StartsWith("rewrote config.json", StringComparison.Ordinal) && n.Contains("was altered"));
        SealedJson.Read<CellConfig>(path).Hash.ShouldBe(cell.Hash);
    }

    [Fact]
    public void A_results_path_that_is_a_file_is_named_as_a_file()
    {
        Directory.CreateDirectory(_root);
        string file = Path.Combine(_root, "results");
        File.WriteAllText(file, "not a folder");
        var error = Should.Throw<ResultFileException>(() => RunTiny(new ResultStore(file)));
        error.Kind.ShouldBe(ResultFileError.Unwritable);
        error.Message.ShouldContain($"Results path {file} is a file, not a folder");
        error.Message.ShouldNotContain("free disk space");
    }

    [SkippableFact]
    public void The_command_out_of_inodes_prints_one_line_and_exits_2()
    {
        using var tmpfs = ScratchMount.TryTmpfs("size=4m,nr_inodes=6", out string reason);
        Skip.If(tmpfs is null, reason);
        var (code, output) = CliProcess.Run(CliArgs(tmpfs!.Path));
        ShouldBeOneLineError(code, output, "No space or no free inodes left on the device");
    }

    [SkippableFact]
    public void The_command_on_a_store_this_user_may_not_write_prints_one_line_and_exits_2()
    {
        var runAs = ScratchMount.AsNobody(out string reason);
        Skip.If(runAs is null || OperatingSystem.IsWindows(), reason);
        if (OperatingSystem.IsWindows()) return;
        // Under code coverage the child's instrumented assemblies write their hits to a root-owned file at exit and
        // crash as another user, which says nothing about the store; the test runs in every run without coverage.
        Skip.If(CoverageProbe.Instrumented, CoverageProbe.SkipReason);
        Directory.CreateDirectory(_root);
        File.SetUnixFileMode(_root, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        var (code, output) = CliProcess.Run(CliArgs(_root), runAs: runAs);
        ShouldBeOneLineError(code, output, "may not write to");
    }

    [Theory]
    [InlineData("REPROSPECS_TRIALS", "abc", "REPROSPECS_TRIALS must be a whole number >= 2 and <= 1000, got 'abc'")]
    [InlineData("REPROSPECS_TRIALS", "100000", "REPROSPECS_TRIALS must be a whole number >= 2 and <= 1000, got '100000'")]
    [InlineData("REPROSPECS_THREADS", "abc", "REPROSPECS_THREADS must be a whole number >= 1 and <= 1024, got 'abc'")]
    [InlineData("REPROSPECS_THREADS", "5000", "REPROSPECS_THREADS must be a whole number >= 1 and <= 1024, got '5000'")]
    public void Bad_counts_in_the_environment_give_one_line_and_exit_2(string variable, string value, string expected)
    {
        string results = Path.Combine(_root, "cli");
        var (code, output) = CliProcess.Run(["run", "--arch", "charlm", "--activation", "relu", "--corpus", "/nonexistent/corpus.txt", "--results", results],
            new Dictionary<string, string> { [variable] = value });
        code.ShouldBe(2, output);
        output.ShouldContain(expected);
        output.Trim().Split('\n').Length.ShouldBe(1, "one clear line, no stack trace");
    }

    public void Dispose()
    {
        if (!Directory.Exists(_root)) return;
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(_root, (UnixFileMode)0b111_101_101);
        Directory.Delete(_root, recursive: true);
    }
}
