using Shouldly;
using Xunit;

namespace ReproSpecs.Tests.Reliability;

/// <summary>
/// <c>reprospecs run --workers W</c>: the trials of the chosen cells as a work queue over W worker processes that share
/// only the results store and its per-trial locks. The pool must give exactly the trials one process gives at the same
/// thread count, bit for bit, and its progress must say which worker printed each line.
/// </summary>
[Collection(ReliabilityCollection.Name)]
public sealed class WorkerPoolTests
{
    private static string[] Args(string results, int workers) =>
    [
        "run", "--profile", "smoke", "--arch", "charlm", "--activation", "gelu,relu",
        "--trials", "3", "--max-iters", "30", "--threads", "1", "--workers", workers.ToString(System.Globalization.CultureInfo.InvariantCulture), "--results", results,
    ];

    private static string NewFolder() => Path.Combine(Path.GetTempPath(), "reprospecs-pool-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Two_workers_over_one_store_train_the_same_trials_bit_for_bit_as_one_process()
    {
        string single = NewFolder(), pooled = NewFolder();
        try
        {
            var (code, log) = CliProcess.Run(Args(single, 1));
            code.ShouldBe(0, log);
            log.ShouldNotContain("[w1]", customMessage: "one worker trains in the process itself");

            var (poolCode, poolLog) = CliProcess.Run(Args(pooled, 2));
            poolCode.ShouldBe(0, poolLog);
            poolLog.ShouldContain(", 1 thread, 2 worker processes, ");
            poolLog.ShouldContain("[w1] ");
            poolLog.ShouldContain("[w2] ");
            var trained = poolLog.Split('\n').Where(l => l.Contains("done: trained", StringComparison.Ordinal))
                .Select(l => int.Parse(l.Split("done: trained ")[1].Split(',')[0], System.Globalization.CultureInfo.InvariantCulture)).ToList();
            trained.Count.ShouldBe(2, poolLog);
            trained.Sum().ShouldBe(6, "every trial of the two cells is trained exactly once across the workers");

            StoreInspection.AssertEveryCommittedFileIsWhole(pooled);
            var expected = StoreInspection.Numbers(single);
            expected.Count.ShouldBe(2);
            StoreInspection.Numbers(pooled).ShouldBe(expected, "the same trials, losses, probabilities (by hash) and pairs, bit for bit");
            Directory.EnumerateFiles(pooled, "*.lock", SearchOption.AllDirectories).Where(f => new FileInfo(f).Length > 0 && IsHeld(f)).ShouldBeEmpty();
        }
        finally
        {
            foreach (var d in new[] { single, pooled }) if (Directory.Exists(d)) Directory.Delete(d, recursive: true);
        }
    }

    [Fact]
    public void A_pool_rerun_over_a_complete_store_trains_nothing()
    {
        string store = NewFolder();
        try
        {
            CliProcess.Run(Args(store, 2)).ExitCode.ShouldBe(0);
            var (code, log) = CliProcess.Run(Args(store, 2));
            code.ShouldBe(0, log);
            log.ShouldContain("[w1] done: trained 0, found 6 stored");
            log.ShouldContain("[w2] done: trained 0, found 6 stored");
        }
        finally
        {
            if (Directory.Exists(store)) Directory.Delete(store, recursive: true);
        }
    }

    private static bool IsHeld(string lockPath)
    {
        try
        {
            using var held = ReproSpecs.Harness.Results.FileLock.TryAcquire(lockPath);
            return held is null;
        }
        catch (IOException) { return true; }
    }
}
