using ReproSpecs.Harness.Records;
using ReproSpecs.Harness.Metrics;
using ReproSpecs.Harness.Results;
using ReproSpecs.Reports;
using ReproSpecs.Reports.Markdown;
using Shouldly;
using Xunit;

namespace ReproSpecs.Tests.Reports;

/// <summary>The report shows the study's as-coded Relative PD beside the corrected one, and marks overfit cells.</summary>
public class ProtocolAndOverfitReportTests
{
    [Fact]
    public void The_ablation_table_shows_the_as_coded_pd_beside_the_corrected_one_with_what_it_means()
    {
        using var ws = new ReportWorkspace();
        var init = ResultStore.LoadCell(ws.ArmFile());
        var zero = Summary.Of([0.0, 0.0, 0.0]);
        var asCoded = Summary.Of([0.41, 0.45, 0.43]);
        new ResultStore(ws.ShardA).SaveCell(init with
        {
            Arm = SeedArm.SameSeed,
            Summary = init.Summary with { Last = init.Summary.Last! with { RelativePd = zero }, AsCodedRelativePd = asCoded },
        });

        string ablation = Section(ReportBuilder.Build(ws.Input()).Markdown, "## Seed-source ablation");
        ablation.ShouldContain("as-coded Relative PD (study's protocol)");
        ablation.ShouldContain($"| `same` | nothing | {Fmt.PdRange(zero)} | {Fmt.PdRange(asCoded)} |");
        ablation.ShouldContain("measure which contexts were sampled, not what the seeds changed");
    }

    [Fact]
    public void Results_without_as_coded_figures_keep_the_table_as_it_was()
    {
        using var ws = new ReportWorkspace();
        Section(ReportBuilder.Build(ws.Input()).Markdown, "## Seed-source ablation").ShouldNotContain("as-coded");
    }

    [Fact]
    public void A_cell_whose_trials_overfit_is_marked_in_the_results_table()
    {
        using var ws = new ReportWorkspace();
        var relu = ResultStore.LoadCell(ws.Cell("shard-a", "relu"));
        // Written over the fixture's own file: the fixture is schema 1, whose folder name the migrated config no longer hashes to.
        SealedJson.Write(ws.Cell("shard-a", "relu"), relu with { Summary = relu.Summary with { Overfit = new OverfitSummary(true, 1, 0.02, [0.05, 0.0, 0.01]) } });

        string results = Section(ReportBuilder.Build(ws.Input()).Markdown, "## Results");
        results.ShouldContain("**overfit**: 1 of 3 trials end > 0.02 nats above their best val loss");
        results.Split('\n').Single(l => l.StartsWith("| `relu` |", StringComparison.Ordinal)).ShouldContain("**overfit**");
        results.Split('\n').Single(l => l.StartsWith("| `gelu` |", StringComparison.Ordinal)).ShouldNotContain("overfit");
    }

    private static string Section(string md, string heading)
    {
        int start = md.IndexOf(heading + "\n", StringComparison.Ordinal);
        if (start < 0) return "";
        int end = md.IndexOf("\n## ", start + heading.Length, StringComparison.Ordinal);
        return end < 0 ? md[start..] : md[start..end];
    }
}
