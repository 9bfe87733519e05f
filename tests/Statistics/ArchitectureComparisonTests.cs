using ReproSpecs.Harness.Statistics;
using ReproSpecs.Tests.Statistics.Simulation;
using Shouldly;
using Xunit;
using Xunit.Abstractions;

namespace ReproSpecs.Tests.Statistics;

/// <summary>H3's tests: calibrated under the null, with the pooled two-sample t power under an effect.</summary>
public class ArchitectureComparisonTests(ITestOutputHelper output)
{
    private const double Alpha = 0.05;
    private static readonly string[] Transformers = ["charlm", "minigpt", "nanotransformer"];
    private static readonly string[] Recurrent = ["tinylstm", "hybridlm"];
    private static readonly string[] Smooth = ["smelu_05", "smelu_1", "gelu", "swish", "swiglu"];
    private static readonly PdRegime Regime = new("mixed", 0.1, 0.1, 0.5);

    /// <summary>
    /// Five architectures whose smooth cells all sit at the same PD ratio to ReLU, plus a per-architecture
    /// deviation of that ratio (σ = <paramref name="architectureSpread"/> on the log scale) drawn from the same
    /// distribution in both groups; seeds shared by every cell of every architecture.
    /// </summary>
    private static Dictionary<string, IReadOnlyDictionary<string, CellSample>> DrawStudy(Random rng, int k, double transformerLogRatio, double recurrentLogRatio, double architectureSpread)
    {
        var w = Enumerable.Range(0, k).Select(_ => TrialLevelModel.Z(rng)).ToArray();
        var study = new Dictionary<string, IReadOnlyDictionary<string, CellSample>>();
        foreach (var model in Transformers.Concat(Recurrent))
        {
            double logRatio = (Transformers.Contains(model) ? transformerLogRatio : recurrentLogRatio) + architectureSpread * TrialLevelModel.Z(rng);
            var cells = Smooth.Select(a => new SimCell(a, 0.05 * Math.Exp(logRatio))).Append(new SimCell("relu", 0.05)).ToArray();
            study[model] = TrialLevelModel.Draw(rng, model, cells, k, Regime, w).ToDictionary(c => c.Activation);
        }
        return study;
    }

    [Theory]
    [InlineData(3, 0.0)]
    [InlineData(3, 0.1)]
    [InlineData(5, 0.1)]
    public void Between_architectures_the_false_positive_rate_is_at_most_alpha_plus_two_points(int k, double architectureSpread)
    {
        const int runs = 1500;
        var rng = new Random(600 + k + (int)(100 * architectureSpread));
        double rate = Rates.Of(runs, _ =>
        {
            var study = DrawStudy(rng, k, -0.1, -0.1, architectureSpread);
            return StudyHypotheses.H3Contrast(study, Alpha)!.Comparison.PValue <= Alpha;
        });
        output.WriteLine($"H3 between architectures, K = {k}, architecture spread {architectureSpread}: false-positive rate {rate:F4} over {runs} nulls");
        rate.ShouldBeLessThanOrEqualTo(Alpha + 0.02);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    public void Conditional_on_the_architectures_the_false_positive_rate_is_at_most_alpha_plus_two_points(int k)
    {
        const int runs = 1000;
        var rng = new Random(700 + k);
        double rate = Rates.Of(runs, _ =>
        {
            var study = DrawStudy(rng, k, -0.1, -0.1, 0);
            ArchitectureCells Arch(string m) => new(m, Smooth.Select(a => study[m][a]).ToArray(), study[m]["relu"]);
            var c = ArchitectureComparison.Conditional(Transformers.Select(Arch).ToArray(), Recurrent.Select(Arch).ToArray(), Alpha);
            return c.PValue <= Alpha;
        });
        output.WriteLine($"H3 conditional, K = {k}: false-positive rate {rate:F4} over {runs} nulls");
        rate.ShouldBeLessThanOrEqualTo(Alpha + 0.02);
    }

    /// <summary>Per-architecture log ratios normal with a common σ: the pooled t is exactly noncentral t(3), noncentrality Δ/(σ·√(1/3 + 1/2)).</summary>
    [Fact]
    public void Between_architectures_power_matches_the_noncentral_t()
    {
        const int runs = 4000;
        const double sigma = 0.05, gap = -0.15;
        double theory = TTestPower.TwoSided(Math.Abs(gap) / (sigma * Math.Sqrt(1.0 / 3 + 1.0 / 2)), 3, Alpha);
        var rng = new Random(8);
        double power = Rates.Of(runs, _ =>
        {
            var a = Enumerable.Range(0, 3).Select(_ => gap + sigma * TrialLevelModel.Z(rng)).ToArray();
            var b = Enumerable.Range(0, 2).Select(_ => sigma * TrialLevelModel.Z(rng)).ToArray();
            var c = ArchitectureComparison.BetweenArchitectures(a, b, Alpha, "sim");
            return c.PValue <= Alpha && c.Direction < 0;
        });
        double tolerance = 3 * Rates.StandardError(theory, runs);
        output.WriteLine($"H3 3 vs 2 architectures, gap {gap}, σ {sigma}: power {power:F4}, theory {theory:F4}, tolerance {tolerance:F4}");
        power.ShouldBe(theory, tolerance);
    }

    [Fact]
    public void A_hand_computed_contrast_gives_the_pooled_t()
    {
        double[] a = [-0.2, -0.3, -0.25], b = [0.0, 0.02];
        // Means −0.25 and 0.01; within-group sums of squares 0.005 and 0.0002; 3 degrees of freedom.
        double se = Math.Sqrt(0.0052 / 3 * (1.0 / 3 + 1.0 / 2));
        var c = ArchitectureComparison.BetweenArchitectures(a, b, 0.05, "hand");
        c.Estimate.ShouldBe(-0.26, 1e-12);
        c.StandardError.ShouldBe(se, 1e-12);
        c.DegreesOfFreedom.ShouldBe(3);
        c.EffectPercent.ShouldBe(100 * (Math.Exp(-0.26) - 1), 1e-9);
        c.ValueA.ShouldBe(Math.Exp(-0.25), 1e-12);
        c.UnitName.ShouldBe("architectures");
        c.Note.ShouldNotBeNull().ShouldContain("architectures per group");
        // t = −0.26/se ≈ −6.98 on 3 df: two-sided p ≈ 0.006 (t(3) tables: t_{0.995,3} = 5.841, t_{0.9975,3} = 7.453).
        c.PValue.ShouldBeInRange(0.005, 0.01);
    }

    [Fact]
    public void H3_contrast_needs_an_architecture_in_each_group_while_H3_heterogeneity_does_not()
    {
        var rng = new Random(2);
        var study = DrawStudy(rng, 3, -0.1, -0.1, 0);
        foreach (var m in Recurrent) study.Remove(m);
        StudyHypotheses.H3Contrast(study).ShouldBeNull();
        StudyHypotheses.H3(study).ShouldNotBeNull().Direction.ShouldBe(ClaimDirection.Differs);
    }
}
