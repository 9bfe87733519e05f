using ReproSpecs.Harness.Records;
using ReproSpecs.Harness.Results;
using ReproSpecs.Harness.Statistics;
using ReproSpecs.Reports;
using Shouldly;
using Xunit;

namespace ReproSpecs.Tests.Reports;

/// <summary>
/// A sequential design's verdicts (<c>REPROSPECS_TRIALS=auto</c>) reach the report as their run decided them, with
/// their stopping history: the look and trials that decided each, the look-by-look table, and a figure per family.
/// </summary>
public class SequentialSectionTests
{
    /// <summary>A family decided by the real sequential driver on synthetic cells: gelu halves ReLU's PD, the rest equal.</summary>
    private static HypothesisReport SequentialFamily(Provenance provenance)
    {
        var pool = new[] { "smelu_05", "smelu_1", "relu", "gelu", "swish", "swiglu" }
            .ToDictionary(a => a, a => SyntheticFamilies.Cell("minigpt", a, a == "gelu" ? 0.10 : 0.20, trials: 10));
        var options = new SequentialOptions(LookSchedule.UpTo(10));
        var outcome = SequentialStudy.Run(options, new Dictionary<string, IReadOnlyList<string>> { ["minigpt"] = pool.Keys.ToList() },
            (_, a, k) => pool[a].FirstTrials(k), samples => StudyHypotheses.ForArchitecture("minigpt", samples["minigpt"]));
        return new HypothesisReport
        {
            Profile = "smoke", Family = "minigpt", Alpha = 0.05, Verdicts = outcome.Verdicts, FamilySize = outcome.Verdicts.Count,
            FamilyMembers = outcome.Verdicts.Select(v => v.Hypothesis.Id).ToList(),
            Cells = pool.Values.ToDictionary(c => c.Label, c => new string('a', 64)), Provenance = provenance,
        };
    }

    [Fact]
    public void Each_sequential_verdict_shows_the_look_and_trials_that_decided_it_and_is_not_re_adjusted()
    {
        using var ws = new ReportWorkspace();
        var fixture = SealedJson.Read<HypothesisReport>(ws.FamilyFile);
        var family = SequentialFamily(fixture.Provenance);
        new ResultStore(ws.ShardA).SaveHypotheses(family);
        var gelu = family.Verdicts.Single(v => v.Hypothesis.Id == "minigpt/H1[gelu]");
        gelu.Verdict.ShouldBe(Verdict.Supported, "PD 0.10 against 0.20 with ±5 % trial noise is decided");

        var report = ReportBuilder.Build(ws.Input());
        string md = report.Markdown;
        md.ShouldContain("## Sequential design: how each verdict was reached");
        md.ShouldContain($"| `minigpt/H1[gelu]` | supported | look {gelu.Sequential!.DecidedAtLook} of 4 | {gelu.Sequential.TrialsAtDecision} |");
        md.ShouldContain("Looks at K = 3, 5, 8, 10 trials per cell (cap 10)");
        md.ShouldContain("boundary-scaled p (m)");
        report.Figures.ShouldContain(f => f.FileName == "sequential-smoke-minigpt.png");
        // Every look of every hypothesis is a row of the stopping history.
        foreach (var v in family.Verdicts)
            foreach (var look in v.Sequential!.Looks)
                md.ShouldContain($"| `{v.Hypothesis.Id}` | {look.Look} | {look.Trials} |");
    }

    [Fact]
    public void A_report_with_only_fixed_designs_has_no_sequential_section()
    {
        using var ws = new ReportWorkspace();
        ReportBuilder.Build(ws.Input()).Markdown.ShouldNotContain("## Sequential design");
    }
}
