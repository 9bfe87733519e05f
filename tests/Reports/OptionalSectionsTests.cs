using ReproSpecs.Harness.Metrics;
using ReproSpecs.Harness.Results;
using ReproSpecs.Reports;
using ReproSpecs.Reports.Store;
using Shouldly;
using Xunit;

namespace ReproSpecs.Tests.Reports;

/// <summary>The hypothesis and ablation sections appear exactly when their results files exist, and show what the files hold.</summary>
public class OptionalSectionsTests
{
    [Fact]
    public void Without_verdict_or_ablation_files_both_sections_are_omitted()
    {
        using var ws = new ReportWorkspace();
        string md = ReportBuilder.Build(ws.Input()).Markdown;
        md.ShouldNotContain("## Hypotheses");
        md.ShouldNotContain("## Seed-source ablation");
        md.ShouldContain("No hypothesis verdicts were found");
    }

    [Fact]
    public void Verdict_files_render_as_a_table_ordered_by_hypothesis_then_architecture()
    {
        using var ws = new ReportWorkspace();
        string dir = Path.Combine(ws.ShardB, "smoke", HypothesisVerdict.FolderName);
        SealedJson.Write(Path.Combine(dir, "h2-charlm.json"), Verdict("H2", "charlm", "smelu_1 vs smelu_05", -3.25, VerdictKind.Inconclusive, p: 0.31, pHolm: 0.62, power: 41));
        SealedJson.Write(Path.Combine(dir, "h1-charlm.json"), Verdict("H1", "charlm", "smooth (pooled) vs relu", -12.5, VerdictKind.Supported, p: 0.0004, pHolm: 0.0021, power: 3));
        SealedJson.Write(Path.Combine(dir, "h3-all.json"), Verdict("H3", "all", "transformers vs recurrent", 8.0, VerdictKind.Contradicted, p: 0.01, pHolm: 0.03, power: null));

        var report = ReportBuilder.Build(ws.Input());
        string md = report.Markdown;
        md.ShouldContain("## Hypotheses");
        md.ShouldContain("[Hypotheses](#hypotheses)");
        md.ShouldContain("| H1 | charlm | smooth (pooled) vs relu | −12.5 % | [−20.0 %, −5.0 %] | < 0.001 | 0.002 | supported | 3 | 3 |");
        md.ShouldContain("| H3 | all | transformers vs recurrent | +8.0 % | [+0.5 %, +15.5 %] | 0.010 | 0.030 | **contradicted** | 3 | — |");
        md.IndexOf("| H1 |", StringComparison.Ordinal).ShouldBeLessThan(md.IndexOf("| H2 |", StringComparison.Ordinal));
        md.IndexOf("| H2 |", StringComparison.Ordinal).ShouldBeLessThan(md.IndexOf("| H3 |", StringComparison.Ordinal));
        md.ShouldContain("paired trial-level permutation");
        report.Figures.ShouldContain(f => f.FileName == "hypotheses-smoke.png");
    }

    [Fact]
    public void An_altered_verdict_file_is_flagged_not_shown()
    {
        using var ws = new ReportWorkspace();
        string path = Path.Combine(ws.ShardA, "smoke", HypothesisVerdict.FolderName, "h1-charlm.json");
        SealedJson.Write(path, Verdict("H1", "charlm", "gelu vs relu", -2, VerdictKind.Inconclusive, p: 0.4, pHolm: 0.8, power: 60));
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"inconclusive\"", "\"supported\""));

        string md = ReportBuilder.Build(ws.Input()).Markdown;
        md.ShouldNotContain("## Hypotheses");
        md.ShouldContain("smoke/hypotheses/h1-charlm.json");
        md.ShouldContain("| **altered** |");
    }

    [Fact]
    public void Ablation_files_render_their_arms_in_the_documented_order_with_a_figure()
    {
        using var ws = new ReportWorkspace();
        var arms = new[] { "same-seed", "all", "dropout-only", "init-only", "data-only" }
            .Select((arm, i) => new AblationArm(arm, Summary.Of(arm == "same-seed" ? [0.0, 0.0, 0.0] : [0.1 + i * 0.01, 0.12 + i * 0.01, 0.14 + i * 0.01]),
                Note: arm == "same-seed" ? "exactly 0 on CPU" : null)).ToList();
        SealedJson.Write(Path.Combine(ws.ShardA, "smoke", AblationRecord.FolderName, "charlm-gelu.json"),
            new AblationRecord { Profile = "smoke", Model = "charlm", Activation = "gelu", Trials = 3, Arms = arms });

        var report = ReportBuilder.Build(ws.Input());
        string md = report.Markdown;
        md.ShouldContain("## Seed-source ablation");
        md.ShouldContain("### CharLM, gelu, profile smoke");
        var order = new[] { "| init-only |", "| data-only |", "| dropout-only |", "| all |", "| same-seed |" }.Select(a => md.IndexOf(a, StringComparison.Ordinal)).ToList();
        order.ShouldAllBe(i => i > 0);
        order.ShouldBeInOrder();
        md.ShouldContain("| same-seed | 0 [0–0] | 0 | — | 3 | exactly 0 on CPU |");
        md.ShouldContain("The seed-source ablation varies one source at a time");
        report.Figures.ShouldContain(f => f.FileName == "ablation-smoke-charlm-gelu.png");
    }

    private static HypothesisVerdict Verdict(string id, string arch, string comparison, double effect, VerdictKind verdict, double p, double pHolm, int? power) => new()
    {
        Profile = "smoke", Hypothesis = id, Architecture = arch, Comparison = comparison, EffectPercent = effect,
        CiLowPercent = effect - 7.5, CiHighPercent = effect + 7.5, P = p, PHolm = pHolm, Verdict = verdict, Trials = 3,
        TrialsFor80PercentPower = power, Test = "paired trial-level permutation", Message = "synthetic",
    };
}
