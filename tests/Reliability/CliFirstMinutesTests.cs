using Shouldly;
using Xunit;

namespace ReproSpecs.Tests.Reliability;

/// <summary>What a new user sees of the <c>reprospecs</c> command in the first minutes (#13): help that agrees with itself, one line for a misspelled variable, a results table printed whole.</summary>
[Collection(ReliabilityCollection.Name)]
public sealed class CliFirstMinutesTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "reprospecs-cli-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Bench_help_states_one_profile_default_and_the_profiles_thread_counts()
    {
        var (code, output) = CliProcess.Run(["bench", "--help"]);
        code.ShouldBe(0, output);
        string profile = output.Split('\n').Single(l => l.TrimStart().StartsWith("-p, --profile", StringComparison.Ordinal));
        profile.ShouldContain("[default: cpu]");
        profile.ShouldNotContain("smoke)", Case.Sensitive, "the description must not name another default than the one --help shows");
        string threads = output.Split('\n').Single(l => l.TrimStart().StartsWith("--threads", StringComparison.Ordinal));
        threads.ShouldContain("smoke 1", Case.Sensitive, "smoke uses one thread, not all processors");
    }

    [Fact]
    public void A_misspelled_variable_is_one_line_naming_the_known_one_and_nothing_trains()
    {
        string results = Path.Combine(_root, "typo");
        var (code, output) = CliProcess.Run(["run", "--arch", "charlm", "--activation", "relu", "--results", results],
            new Dictionary<string, string> { ["REPROSPECS_TRAILS"] = "5" });
        code.ShouldBe(2, output);
        output.Trim().Split('\n').Length.ShouldBe(1, output);
        output.ShouldContain("Unknown variable REPROSPECS_TRAILS='5': nothing reads it. Did you mean REPROSPECS_TRIALS?");
        Directory.Exists(results).ShouldBeFalse();
    }

    [Fact]
    public void Run_prints_its_table_whole_after_the_progress_with_one_thread_said_as_such()
    {
        var (code, output) = CliProcess.Run(["run", "--profile", "smoke", "--arch", "charlm", "--activation", "relu,gelu", "--trials", "2",
            "--max-iters", "20", "--threads", "1", "--results", Path.Combine(_root, "table")]);
        code.ShouldBe(0, output);
        var lines = output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();
        int header = lines.FindIndex(l => l.StartsWith("cell ", StringComparison.Ordinal));
        header.ShouldBeGreaterThan(0, output);
        lines.Skip(header + 1).ShouldAllBe(l => l.StartsWith("smoke/charlm/", StringComparison.Ordinal), "the table's rows follow its header, with no progress between");
        lines.Count(l => l.StartsWith("smoke/charlm/", StringComparison.Ordinal)).ShouldBe(2);
        output.ShouldContain(", 1 thread, ");
    }

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }
}
