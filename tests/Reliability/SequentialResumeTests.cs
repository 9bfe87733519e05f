using System.Text.Json.Nodes;
using Shouldly;
using Xunit;
using Xunit.Abstractions;

namespace ReproSpecs.Tests.Reliability;

/// <summary>
/// A sequential design (<c>--trials auto</c>) killed with SIGKILL at random moments and rerun reaches the same looks,
/// trials and verdicts as an uninterrupted run: its decisions are a function of the settings and the stored trials.
/// </summary>
[Collection(ReliabilityCollection.Name)]
public sealed class SequentialResumeTests(ITestOutputHelper output)
{
    private static string[] Args(string results) =>
    [
        "run", "--profile", "smoke", "--arch", "charlm", "--trials", "auto", "--max-trials", "5",
        "--max-iters", "30", "--threads", "1", "--results", results,
    ];

    private static string NewFolder() => Path.Combine(Path.GetTempPath(), "reprospecs-seq-" + Guid.NewGuid().ToString("N"));

    [SkippableFact]
    public void A_sequential_run_killed_midway_resumes_to_the_same_trials_and_verdicts()
    {
        string reference = NewFolder(), killed = NewFolder();
        try
        {
            var (code, log) = CliProcess.Run(Args(reference));
            code.ShouldBe(0, log);
            log.ShouldContain("sequential design, look 1 of 2 (K = 3)");
            var expected = Verdicts(reference);
            expected.ShouldNotBeEmpty();

            var random = new Random(11);
            int kills = 0;
            for (int attempt = 0; attempt < 8 && kills < 3; attempt++)
            {
                using var run = CliProcess.Start(Args(killed));
                if (run.WaitForExit(TimeSpan.FromMilliseconds(random.Next(1500, 6000)))) break;
                run.Kill();
                kills++;
                StoreInspection.AssertEveryCommittedFileIsWhole(killed);
            }
            output.WriteLine($"{kills} kills");
            var (finalCode, finalLog) = CliProcess.Run(Args(killed));
            finalCode.ShouldBe(0, finalLog);
            StoreInspection.Numbers(killed).ShouldBe(StoreInspection.Numbers(reference), "the resumed design trains the same trials, bit for bit");
            Verdicts(killed).ShouldBe(expected, "the resumed design reaches the same verdicts at the same looks");
        }
        finally
        {
            foreach (var dir in new[] { reference, killed })
                if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>Every hypothesis file's verdicts (without provenance, which records when and where), by file name.</summary>
    private static Dictionary<string, string> Verdicts(string store) =>
        Directory.EnumerateFiles(store, "*.json", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(Path.GetDirectoryName(f)) == "hypotheses")
            .ToDictionary(f => Path.GetFileName(f), f =>
            {
                var node = JsonNode.Parse(File.ReadAllText(f))!;
                var body = node["payload"] ?? node;
                return body["verdicts"]!.ToJsonString();
            });
}
