using ReproSpecs.Harness.Statistics;
using ReproSpecs.Tests.Statistics.Simulation;
using Shouldly;
using Xunit;
using Xunit.Abstractions;

namespace ReproSpecs.Tests.Statistics;

/// <summary>
/// The H4 comparison (paired by seed) is calibrated under the null and has the noncentral-t power under a
/// stated effect: per-seed differences are normal with σ_d = σ·√(2(1 − ρ)), so the paired t statistic is
/// exactly noncentral t(K − 1) with noncentrality δ·√K/σ_d.
/// </summary>
public class PairedTrialCalibrationTests(ITestOutputHelper output)
{
    private const double Alpha = 0.05;
    private static readonly PdRegime Regime = new("paired", 0.1, 0.1, 0.7);

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(10)]
    public void Under_the_null_the_false_positive_rate_is_at_most_alpha_plus_two_points(int k)
    {
        const int runs = 2000;
        var rng = new Random(300 + k);
        double rate = Rates.Of(runs, _ =>
        {
            var (a, b) = TrialLevelModel.DrawPair(rng, 0.05, 0.05, k, Regime);
            return PairedTrialComparison.Compare(a, b, TrialMetric.Loss, Alpha).PValue <= Alpha;
        });
        output.WriteLine($"loss, K = {k}: false-positive rate {rate:F4} over {runs} nulls");
        rate.ShouldBeLessThanOrEqualTo(Alpha + 0.02);
    }

    [Theory]
    [InlineData(3, 0.05)]
    [InlineData(5, 0.025)]
    public void Under_an_effect_power_matches_the_noncentral_t(int k, double lossGap)
    {
        const int runs = 4000;
        double sigmaD = TrialLevelModel.LossSigma * Math.Sqrt(2 * (1 - Regime.SeedCorrelation));
        double theory = TTestPower.TwoSided(lossGap * Math.Sqrt(k) / sigmaD, k - 1, Alpha);
        var rng = new Random(400 + k);
        var cells = new[] { new SimCell("smooth", 0.05, LossMean: 1.5 + lossGap), new SimCell("relu", 0.05, LossMean: 1.5) };
        double power = Rates.Of(runs, _ =>
        {
            var drawn = TrialLevelModel.Draw(rng, "sim", cells, k, Regime);
            var c = PairedTrialComparison.Compare(drawn[0], drawn[1], TrialMetric.Loss, Alpha);
            return c.PValue <= Alpha && c.Direction > 0;
        });
        double tolerance = 3 * Rates.StandardError(theory, runs);
        output.WriteLine($"loss gap {lossGap}, K = {k}: power {power:F4}, theory {theory:F4}, tolerance {tolerance:F4}");
        power.ShouldBe(theory, tolerance);
    }

    [Fact]
    public void The_pooled_accuracy_comparison_is_calibrated_under_the_null()
    {
        const int runs = 2000, k = 3;
        var rng = new Random(31);
        var cells = new[] { "smelu_05", "smelu_1", "gelu", "swish", "swiglu", "relu" }.Select(a => new SimCell(a, 0.05)).ToArray();
        double rate = Rates.Of(runs, _ =>
        {
            var drawn = TrialLevelModel.Draw(rng, "sim", cells, k, Regime);
            return PairedTrialComparison.Pooled(drawn[..5], drawn[5], TrialMetric.Accuracy, Alpha).PValue <= Alpha;
        });
        output.WriteLine($"pooled accuracy, K = {k}: false-positive rate {rate:F4} over {runs} nulls");
        rate.ShouldBeLessThanOrEqualTo(Alpha + 0.02);
    }

    [Fact]
    public void A_hand_computed_paired_test_gives_the_textbook_t_and_p()
    {
        // Differences 1, 2, 3: mean 2, sd 1, t = 2·√3 on 2 df. t(2) has the closed-form CDF
        // F(t) = ½ + t / (2·√(2 + t²)), so p = 1 − t/√(2 + t²) = 1 − √12/√14.
        var b = new[] { 1.0, 1.0, 1.0 };
        var a = new[] { 2.0, 3.0, 4.0 };
        var c = PairedTrialComparison.Compare("hand", a, b);
        c.Estimate.ShouldBe(2, 1e-12);
        c.StandardError.ShouldBe(1 / Math.Sqrt(3), 1e-12);
        c.DegreesOfFreedom.ShouldBe(2);
        c.PValue.ShouldBe(1 - Math.Sqrt(12.0 / 14.0), 1e-9);
        c.EffectPercent.ShouldBe(200, 1e-9);
        // 95 % interval: 2 ± t_{0.975, 2}/√3 with t_{0.975, 2} = 4.302653 (tables), relative to B's mean 1.
        c.CiLowPercent.ShouldBe(100 * (2 - 4.302653 / Math.Sqrt(3)), 1e-3);
        c.CiHighPercent.ShouldBe(100 * (2 + 4.302653 / Math.Sqrt(3)), 1e-3);
    }
}
