using ReproSpecs.Harness.Records;
using ReproSpecs.Harness.Results;
using ReproSpecs.Harness.Statistics;
using ReproSpecs.Reports;
using ReproSpecs.Reports.Markdown;
using ReproSpecs.Reports.Store;
using Shouldly;
using Xunit;

namespace ReproSpecs.Tests.Reports;

/// <summary>
/// The Hypotheses section reads the harness's family files (<see cref="HypothesisReport"/> at
/// <c>&lt;profile&gt;/hypotheses/&lt;family&gt;.json</c>) and shows what they hold, per family, in study order.
/// </summary>
public class HypothesesSectionTests
{
    [Fact]
    public void Every_verdict_of_the_fixture_family_is_a_row_showing_its_numbers()
    {
        using var ws = new ReportWorkspace();
        var family = SealedJson.Read<HypothesisReport>(ws.FamilyFile);
        family.Verdicts.Count.ShouldBeGreaterThan(0);
        var report = ReportBuilder.Build(ws.Input());
        string md = report.Markdown;
        foreach (var v in family.Verdicts)
        {
            var c = v.Hypothesis.Comparison;
            md.ShouldContain($"| `{v.Hypothesis.Id}` | {Md.Text(v.Hypothesis.Claim)} | {Fmt.SignedPercent(c.EffectPercent)} | " +
                             $"[{Fmt.SignedPercent(c.CiLowPercent)}, {Fmt.SignedPercent(c.CiHighPercent)}] | {Fmt.P(c.PValue)} | {Fmt.P(v.AdjustedP)} ({v.FamilySize}) | " +
                             $"{v.Verdict.ToString().ToLowerInvariant()} | {c.Units} {c.UnitName} |");
        }
        md.ShouldContain("it rests on 3 cells, all of them in these results.");
        md.ShouldContain("smoke/hypotheses/charlm.json");
        report.Figures.ShouldContain(f => f.FileName == "hypotheses-smoke.png");
    }

    [Fact]
    public void A_halved_relative_pd_is_supported_a_raised_one_contradicted_and_rows_follow_the_hypothesis_number()
    {
        using var ws = new ReportWorkspace();
        var cells = new[]
        {
            SyntheticFamilies.Cell("minigpt", "relu", 0.20), SyntheticFamilies.Cell("minigpt", "gelu", 0.10),
            SyntheticFamilies.Cell("minigpt", "swish", 0.30), SyntheticFamilies.Cell("minigpt", "smelu_1", 0.15),
            SyntheticFamilies.Cell("minigpt", "smelu_05", 0.20),
        };
        var family = SyntheticFamilies.Architecture("smoke", "minigpt", cells, FixtureProvenance(ws));
        new ResultStore(ws.ShardA).SaveHypotheses(family);
        var gelu = family.Verdicts.Single(v => v.Hypothesis.Id == "minigpt/H1[gelu]");
        gelu.Hypothesis.Comparison.EffectPercent.ShouldBe(-50, 5, "PD 0.10 against 0.20 with ±5 % trial noise");

        string md = ReportBuilder.Build(ws.Input()).Markdown;
        md.ShouldContain($"| `minigpt/H1[gelu]` | gelu gives lower Relative PD than relu | {Fmt.SignedPercent(gelu.Hypothesis.Comparison.EffectPercent)} |");
        Row(md, "minigpt/H1[gelu]").ShouldContain("| supported |");
        Row(md, "minigpt/H1[swish]").ShouldContain("| **contradicted** |");
        int At(string id) => md.IndexOf($"| `{id}` |", StringComparison.Ordinal);
        new[] { "charlm/H4[accuracy]", "minigpt/H1[smelu_05]", "minigpt/H1[pooled]", "minigpt/H2", "minigpt/H4[loss]", "minigpt/H4[accuracy]" }
            .Select(At).ShouldBeInOrder(SortDirection.Ascending, "CharLM's family first (study order), then by hypothesis number");
        md.ShouldContain("**5 of the 5 cells it rests on are not in these results**");
    }

    [Fact]
    public void H3_decided_by_the_report_alone_beside_files_without_it_is_shown_not_a_crash()
    {
        // A merge of shards writes the architectures' families; with no H3 file the report decides H3 from the cells,
        // a verdict no run recorded, so there is no run's verdict to compare it with.
        using var ws = new ReportWorkspace();
        var store = new ResultStore(ws.ShardB);
        foreach (var path in Directory.EnumerateFiles(ws.Root, "cell.json", SearchOption.AllDirectories).ToList())
        {
            var cell = ResultStore.LoadCell(path);
            var config = cell.Config with { Model = "tinylstm" };
            store.SaveCell(cell with { Config = config, ConfigHash = config.Hash });
        }
        string md = ReportBuilder.Build(ws.Input()).Markdown;
        md.ShouldContain("| `H3` |");
        md.ShouldContain("| `charlm/H1[gelu]` |");
    }

    [Fact]
    public void The_cross_architecture_family_comes_after_every_architecture_family()
    {
        using var ws = new ReportWorkspace();
        var cells = new[] { "charlm", "minigpt", "tinylstm" }
            .SelectMany(m => new[] { SyntheticFamilies.Cell(m, "relu", 0.2), SyntheticFamilies.Cell(m, "gelu", m == "tinylstm" ? 0.19 : 0.12) }).ToList();
        new ResultStore(ws.ShardA).SaveHypotheses(SyntheticFamilies.H3("smoke", cells, FixtureProvenance(ws)));

        string md = ReportBuilder.Build(ws.Input()).Markdown;
        md.IndexOf("| `H3` |", StringComparison.Ordinal).ShouldBeGreaterThan(md.IndexOf("| `charlm/H4[accuracy]` |", StringComparison.Ordinal));
        md.IndexOf("| `H3[contrast]` |", StringComparison.Ordinal).ShouldBeGreaterThan(md.IndexOf("| `H3` |", StringComparison.Ordinal));
        md.ShouldContain("- Family `H3`: 2 hypotheses, Holm-adjusted within this file at family-wise α = 0.05 (a file from before run-wide families); from [smoke/hypotheses/H3.json]");
    }

    [Fact]
    public void Two_trials_per_cell_give_an_unbounded_interval_that_survives_the_file()
    {
        using var ws = new ReportWorkspace();
        var cells = new[] { SyntheticFamilies.Cell("tinylstm", "relu", 0.2, trials: 2), SyntheticFamilies.Cell("tinylstm", "gelu", 0.1, trials: 2) };
        new ResultStore(ws.ShardA).SaveHypotheses(SyntheticFamilies.Architecture("smoke", "tinylstm", cells, FixtureProvenance(ws)));
        File.ReadAllText(Path.Combine(ws.ShardA, "smoke", "hypotheses", "tinylstm.json")).ShouldContain("Infinity");

        string row = Row(ReportBuilder.Build(ws.Input()).Markdown, "tinylstm/H1[gelu]");
        row.ShouldContain("| [−100.0 %, +∞ %] | 1.000 |");
        row.ShouldContain("| inconclusive | 2 trials per cell | — |");
        row.ShouldContain("run at least 3 trials per cell");
    }

    [Fact]
    public void An_altered_family_file_is_flagged_not_shown()
    {
        using var ws = new ReportWorkspace();
        File.WriteAllText(ws.FamilyFile, File.ReadAllText(ws.FamilyFile).Replace("\"inconclusive\"", "\"supported\""));

        var report = ReportBuilder.Build(ws.Input());
        report.Problems.ShouldBe(1);
        report.Markdown.ShouldNotContain("## Hypotheses");
        report.Markdown.ShouldContain("| [smoke/hypotheses/charlm.json](<../results/shard-b/smoke/hypotheses/charlm.json>) | **altered** |");
    }

    [Fact]
    public void A_family_file_under_another_family_name_is_flagged()
    {
        using var ws = new ReportWorkspace();
        File.Copy(ws.FamilyFile, Path.Combine(Path.GetDirectoryName(ws.FamilyFile)!, "minigpt.json"));

        var report = ReportBuilder.Build(ws.Input());
        report.Problems.ShouldBe(1);
        report.Markdown.ShouldContain("holds hypothesis family charlm of profile smoke, which the harness writes to smoke/hypotheses/charlm.json");
        Row(report.Markdown, "charlm/H1[pooled]").ShouldNotBeEmpty("the family in its own file is still shown, once");
    }

    [Fact]
    public void The_same_family_with_other_verdicts_in_two_shards_is_an_error()
    {
        using var ws = new ReportWorkspace();
        var family = SealedJson.Read<HypothesisReport>(ws.FamilyFile);
        new ResultStore(ws.ShardA).SaveHypotheses(family with { Alpha = 0.01 });

        var error = Should.Throw<CellConflictException>(() => ReportBuilder.Build(ws.Input()));
        error.Message.ShouldContain("The hypothesis family smoke/charlm was found in two different files");
    }

    [Fact]
    public void Families_decided_in_separate_runs_are_re_adjusted_as_one_family_over_the_report()
    {
        using var ws = new ReportWorkspace();
        var fixture = SealedJson.Read<HypothesisReport>(ws.FamilyFile);
        // A second run decided minigpt on its own (m = its own count); its gelu is only just significant there.
        var cells = new[]
        {
            SyntheticFamilies.Cell("minigpt", "relu", 0.20), SyntheticFamilies.Cell("minigpt", "gelu", 0.10),
            SyntheticFamilies.Cell("minigpt", "swish", 0.20), SyntheticFamilies.Cell("minigpt", "smelu_1", 0.20),
        };
        var minigpt = SyntheticFamilies.Architecture("smoke", "minigpt", cells, FixtureProvenance(ws));
        new ResultStore(ws.ShardA).SaveHypotheses(minigpt with { FamilySize = minigpt.Verdicts.Count, FamilyMembers = minigpt.Verdicts.Select(v => v.Hypothesis.Id).ToList() });
        int m = fixture.Verdicts.Count + minigpt.Verdicts.Count;
        var expected = HypothesisFamily.Readjust(fixture.Verdicts.Concat(minigpt.Verdicts));

        string md = ReportBuilder.Build(ws.Input()).Markdown;
        foreach (var v in expected)
            Row(md, v.Hypothesis.Id).ShouldContain($"| {Fmt.P(v.AdjustedP)} ({m}) | {(v.Verdict == Verdict.Contradicted ? "**contradicted**" : v.Verdict.ToString().ToLowerInvariant())} |");
        md.ShouldContain($"Holm-adjusted over all {m} hypotheses of profile `smoke` in these results");
        md.ShouldContain($"its run decided them in one Holm family of m = {minigpt.Verdicts.Count}");
    }

    internal static Provenance FixtureProvenance(ReportWorkspace ws) => ResultStore.LoadCell(ws.Cell("shard-a", "relu")).Provenance;

    /// <summary>The table row of a hypothesis id, or "" when there is none.</summary>
    private static string Row(string md, string id)
    {
        int at = md.IndexOf($"| `{id}` |", StringComparison.Ordinal);
        return at < 0 ? "" : md[at..md.IndexOf('\n', at)];
    }

    [Fact]
    public void The_report_says_which_weights_the_verdicts_were_decided_on()
    {
        using var ws = new ReportWorkspace();
        ReportBuilder.Build(ws.Input()).Markdown.ShouldContain("Decided on each trial's final weights (`REPROSPECS_WEIGHTS=last`).");

        var cells = new[] { SyntheticFamilies.Cell("minigpt", "relu", 0.20), SyntheticFamilies.Cell("minigpt", "gelu", 0.10) };
        var best = SyntheticFamilies.Architecture("smoke", "minigpt", cells, FixtureProvenance(ws)) with { Weights = ScoredWeights.Best };
        new ResultStore(ws.ShardA).SaveHypotheses(best);

        ReportBuilder.Build(ws.Input()).Markdown.ShouldContain("**The files were decided on different weights**");
    }
}
