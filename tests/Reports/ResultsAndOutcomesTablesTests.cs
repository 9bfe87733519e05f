using ReproSpecs.Reports;
using ReproSpecs.Reports.Markdown;
using ReproSpecs.Reports.Store;
using Shouldly;
using Xunit;

namespace ReproSpecs.Tests.Reports;

/// <summary>
/// What a reader saw in the tables: the results table merged a cell's own spec and its H1 spec into one cell
/// ("passed, skipped"); the outcomes table showed 0.0 s for cell specs (training runs in the fixture) and a log
/// column of long paths on every row.
/// </summary>
public class ResultsAndOutcomesTablesTests
{
    [Fact]
    public void The_cell_spec_and_the_h1_spec_have_a_column_each()
    {
        using var ws = new ReportWorkspace();
        // A third log: gelu's H1 theory skipped (inconclusive) in the same profile.
        string h1 = Path.Combine(ws.Root, "logs", "h1.trx");
        File.WriteAllText(h1, """
            <?xml version="1.0" encoding="utf-8"?>
            <TestRun id="h1run" name="t" xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">
              <Times creation="2026-11-29T19:58:38+00:00" start="2026-11-29T19:58:38+00:00" finish="2026-11-29T19:58:56+00:00" />
              <Results>
                <UnitTestResult testId="h" testName="ReproSpecs.Specs.Architectures.CharLMSpecs.H1_a_smooth_activation_gives_lower_Relative_PD_than_ReLU(activation: &quot;gelu&quot;)" computerName="vm" duration="00:00:00.0010000" outcome="NotExecuted">
                  <Output><ErrorInfo><Message>charlm/H1[gelu] inconclusive</Message></ErrorInfo></Output>
                </UnitTestResult>
              </Results>
              <TestDefinitions><UnitTest name="h" id="h"><TestMethod className="ReproSpecs.Specs.Architectures.CharLMSpecs" name="H1" /></UnitTest></TestDefinitions>
              <ResultSummary outcome="Completed"><RunInfos><RunInfo computerName="vm" outcome="Warning" timestamp="2026-11-29T19:58:38+00:00"><Text>ReproSpecs: profile smoke, 3 trials per cell</Text></RunInfo></RunInfos></ResultSummary>
            </TestRun>
            """);
        var report = ReportBuilder.Build(ws.Input(logs: [.. ws.Logs, h1]));
        var table = report.Tables.Single(t => t.Name == "results-smoke-charlm");
        int cellSpec = table.Headers.ToList().IndexOf("cell spec"), h1Spec = table.Headers.ToList().IndexOf("H1 spec");
        cellSpec.ShouldBeGreaterThan(0);
        h1Spec.ShouldBe(cellSpec + 1);
        var rows = table.Rows.ToDictionary(r => r[0]);
        (rows["gelu"][cellSpec], rows["gelu"][h1Spec]).ShouldBe(("passed", "skipped"));
        (rows["relu"][cellSpec], rows["relu"][h1Spec]).ShouldBe(("passed", "—"), "relu is the baseline: it has no H1 theory");
        report.Markdown.ShouldNotContain("passed, skipped");
    }

    [Fact]
    public void A_cell_spec_shows_the_training_time_its_results_file_records()
    {
        using var ws = new ReportWorkspace();
        var report = ReportBuilder.Build(ws.Input());
        var cells = ResultsCatalog.Load([ws.ShardA, ws.ShardB]).GoodCells.ToDictionary(c => c.Config.Activation);
        foreach (var activation in new[] { "relu", "gelu", "swiglu" })
        {
            string training = $"{Fmt.Seconds(cells[activation].Trials.Sum(t => t.Timing.TrainSeconds))} (3 trials)";
            training.ShouldNotStartWith("0.0 s");
            report.Markdown.Split('\n').Single(l => l.StartsWith($"| `Cell_is_finite_learns_and_stays_within_its_baseline(activation: \"{activation}\")`", StringComparison.Ordinal))
                .ShouldContain($" | {training} | ");
        }
        report.Markdown.ShouldContain("| `The_same_trial_trained_twice_gives_bit_identical_probabilities` | smoke | passed | 0.4 s | — |");
    }

    [Fact]
    public void A_group_from_one_log_names_it_once_instead_of_on_every_row()
    {
        using var ws = new ReportWorkspace();
        string both = ReportBuilder.Build(ws.Input()).Markdown;
        both.ShouldContain("| test | profile | outcome | test time | cell training | message or reason | log |", Case.Sensitive, "two shards: each row says which log");
        string one = ReportBuilder.Build(ws.Input(logs: [ws.Logs[0]])).Markdown;
        one.ShouldContain("| test | profile | outcome | test time | cell training | message or reason |\n");
        one.ShouldContain("All from ../logs/shard-a/charlm.trx.");
    }
}
