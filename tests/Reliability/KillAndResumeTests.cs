using Shouldly;
using Xunit;
using Xunit.Abstractions;

namespace ReproSpecs.Tests.Reliability;

/// <summary>
/// A sweep killed with SIGKILL at random moments — while training, while writing probabilities, while
/// writing JSON — and then rerun must finish with results bit-identical to an uninterrupted run, reuse
/// what had finished, and never expose a partial file.
/// </summary>
[Collection(ReliabilityCollection.Name)]
public sealed class KillAndResumeTests(ITestOutputHelper output)
{
    private static string[] Args(string results) =>
    [
        "run", "--profile", "smoke", "--arch", "charlm", "--activation", "gelu,relu,swish",
        "--trials", "3", "--max-iters", "60", "--threads", "1", "--results", results,
    ];

    private static string NewFolder() => Path.Combine(Path.GetTempPath(), "reprospecs-kill-" + Guid.NewGuid().ToString("N"));

    [SkippableFact]
    public void A_sweep_killed_at_random_moments_resumes_to_bit_identical_results()
    {
        string reference = NewFolder(), killed = NewFolder();
        try
        {
            var (code, log) = CliProcess.Run(Args(reference));
            code.ShouldBe(0, log);

            // Slow every file write down (half written, pause, rest, pause, rename) so kills land inside writes too.
            var slowWrites = new Dictionary<string, string> { ["REPROSPECS_FAULT_WRITE_DELAY_MS"] = "150" };
            var random = new Random(20261129);
            int kills = 0, attempts = 0, killedMidWrite = 0;
            bool finishedEarly = false;
            while (kills < 12 && attempts++ < 60)
            {
                using var run = CliProcess.Start(Args(killed), slowWrites);
                int delay = random.Next(300, 2500);
                if (run.WaitForExit(TimeSpan.FromMilliseconds(delay)))
                {
                    run.ExitCode.ShouldBe(0, run.Output);
                    finishedEarly = true;
                    break;
                }
                run.Kill();
                kills++;
                if (Directory.Exists(killed) && Directory.EnumerateFiles(killed, "*.tmp", SearchOption.AllDirectories).Any()) killedMidWrite++;
                output.WriteLine($"kill {kills} after {delay} ms");
                StoreInspection.AssertEveryCommittedFileIsWhole(killed);
            }
            output.WriteLine($"{kills} kills ({killedMidWrite} left a temporary file behind: killed mid-write), finished early: {finishedEarly}");
            kills.ShouldBeGreaterThanOrEqualTo(10, "the sweep must be killed at least 10 times before it completes");

            var (finalCode, finalLog) = CliProcess.Run(Args(killed));
            finalCode.ShouldBe(0, finalLog);
            StoreInspection.AssertEveryCommittedFileIsWhole(killed);
            StoreInspection.Numbers(killed).ShouldBe(StoreInspection.Numbers(reference), "a resumed sweep must equal an uninterrupted one bit for bit");
            Directory.EnumerateFiles(killed, "*.tmp", SearchOption.AllDirectories).ShouldBeEmpty("orphaned temporary files of killed writers are removed on resume");
        }
        finally
        {
            foreach (var dir in new[] { reference, killed })
                if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    [SkippableFact]
    public void Two_processes_running_the_same_cells_at_once_do_not_corrupt_each_other()
    {
        string reference = NewFolder(), shared = NewFolder();
        try
        {
            var (code, log) = CliProcess.Run(Args(reference));
            code.ShouldBe(0, log);

            using var first = CliProcess.Start(Args(shared));
            using var second = CliProcess.Start(Args(shared));
            first.WaitForExit(TimeSpan.FromMinutes(5)).ShouldBeTrue();
            second.WaitForExit(TimeSpan.FromMinutes(5)).ShouldBeTrue();
            first.ExitCode.ShouldBe(0, first.Output);
            second.ExitCode.ShouldBe(0, second.Output);

            StoreInspection.AssertEveryCommittedFileIsWhole(shared);
            StoreInspection.Numbers(shared).ShouldBe(StoreInspection.Numbers(reference));
        }
        finally
        {
            foreach (var dir in new[] { reference, shared })
                if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }
}
