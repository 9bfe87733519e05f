using ReproSpecs.Harness.Statistics;
using ReproSpecs.Tests.Statistics.Simulation;
using Shouldly;
using Xunit;
using Xunit.Abstractions;

namespace ReproSpecs.Tests.Statistics;

/// <summary>H3 as heterogeneity across all six architectures: calibrated under the null, powerful under a known heterogeneous effect, two-sided.</summary>
public class ArchitectureHeterogeneityTests(ITestOutputHelper output)
{
    private const double Alpha = 0.05;
    private static readonly double[] Homogeneous = [-0.1, -0.1, -0.1, -0.1, -0.1, -0.1];
    private static readonly PdRegime Mixed = new("mixed", 0.1, 0.1, 0.5);

    public static TheoryData<string, int> Nulls => new()
    {
        { "mixed", 3 }, { "mixed", 5 }, { "mixed", 10 },
        { "trial-dominated", 3 }, { "trial-dominated", 5 },
        { "pair-dominated", 3 },
        { "unequal noise across architectures", 3 }, { "unequal noise across architectures", 5 }, { "unequal noise across architectures", 10 },
    };

    private static (PdRegime Regime, Func<int, PdRegime>? RegimeOf) Regime(string name) => name switch
    {
        "mixed" => (Mixed, null),
        "trial-dominated" => (new PdRegime(name, 0.15, 0.03, 0.5), null),
        "pair-dominated" => (new PdRegime(name, 0.03, 0.15, 0.5), null),
        // σ_u from 0.05 to 0.30: the recurrent and conv models far noisier than the transformers.
        _ => (Mixed, m => new PdRegime(name, 0.05 + 0.05 * m, 0.05, 0.5)),
    };

    [Theory]
    [MemberData(nameof(Nulls))]
    public void Under_a_common_effect_the_false_positive_rate_is_at_most_alpha_plus_two_points(string regime, int k)
    {
        const int runs = 2000;
        var (r, of) = Regime(regime);
        var rng = new Random(900 + k + regime.Length);
        double rate = Rates.Of(runs, _ => ArchitectureHeterogeneity.Test(StudyModel.Cells(StudyModel.Draw(rng, k, r, Homogeneous, of)), Alpha).PValue <= Alpha);
        output.WriteLine($"H3 heterogeneity, {regime}, K = {k}: false-positive rate {rate:F4} over {runs} nulls");
        rate.ShouldBeLessThanOrEqualTo(Alpha + 0.02);
    }

    [Theory]
    [InlineData(5, 0.80)]
    [InlineData(10, 0.95)]
    public void A_known_heterogeneous_effect_is_found(int k, double minimumPower)
    {
        // Transformers gain 30 % (L = log 0.7), the others nothing: the study's own picture.
        double[] effect = [Math.Log(0.7), Math.Log(0.7), Math.Log(0.7), 0, 0, 0];
        const int runs = 1000;
        var rng = new Random(950 + k);
        double power = Rates.Of(runs, _ => ArchitectureHeterogeneity.Test(StudyModel.Cells(StudyModel.Draw(rng, k, Mixed, effect)), Alpha).PValue <= Alpha);
        output.WriteLine($"H3 heterogeneity, transformers ratio 0.7 vs others 1.0, mixed regime, K = {k}: power {power:F4} over {runs} runs");
        power.ShouldBeGreaterThanOrEqualTo(minimumPower);
    }

    [Fact]
    public void The_opposite_direction_is_heterogeneity_too_never_a_contradiction()
    {
        // Recurrent models gain and transformers do not: H3 (two-sided) is supported, H3[contrast] is what it contradicts.
        double[] effect = [0, 0, 0, Math.Log(0.6), Math.Log(0.6), 0];
        var study = StudyModel.Draw(new Random(31), 5, new PdRegime("tight", 0.03, 0.03, 0.5), effect);
        var verdicts = HypothesisFamily.Decide([StudyHypotheses.H3(study)!, StudyHypotheses.H3Contrast(study)!]);
        verdicts[0].Hypothesis.Comparison.Units.ShouldBe(5);
        verdicts[0].Hypothesis.Comparison.Note.ShouldNotBeNull().ShouldContain("convlm");
        verdicts[0].Verdict.ShouldBe(Verdict.Supported);
        verdicts[1].Verdict.ShouldBe(Verdict.Contradicted);
    }

    [Fact]
    public void Not_rejecting_heterogeneity_is_inconclusive()
    {
        var study = StudyModel.Draw(new Random(32), 3, Mixed, Homogeneous);
        var v = HypothesisFamily.Decide([StudyHypotheses.H3(study)!]).Single();
        v.Hypothesis.Comparison.PValue.ShouldBeGreaterThan(Alpha);
        v.Verdict.ShouldBe(Verdict.Inconclusive);
        v.Message.ShouldContain("no interval for this test");
        v.Message.ShouldContain("Claim (two-sided): the smooth-activation effect on Relative PD differs between architectures.");
    }

    [Fact]
    public void Brown_Forsythe_matches_hand_computed_tables()
    {
        // 3 seeds × 3 groups, column means 2, 4, 6, every column variance 1: the ordinary one-way F(2, 6).
        double[,] t = { { 1, 4, 7 }, { 2, 5, 5 }, { 3, 3, 6 } };
        var (f, df1, df2, v) = ArchitectureHeterogeneity.BrownForsythe(t);
        // Q = 3·(4 + 0 + 4) = 24; denominator (1 − 1/3)·3 = 2; F* = 12 = MS_between 12 / MS_within 1.
        f.ShouldBe(12, 1e-12);
        df1.ShouldBe(2, 1e-12);
        df2.ShouldBe(6, 1e-12);
        v.ShouldBe(1, 1e-12);
        // Column 3 four times as variable (values 4, 6, 8 → variance 4): df₂ = (1 + 1 + 4)² / ((1 + 1 + 16)/2) = 4,
        // df₁ = (4)² / tr((HV)²) with tr = (4/9)(1 + 1 + 16) + (1/9)(2·(1 + 4 + 4)) = 10.
        double[,] u = { { 1, 4, 4 }, { 2, 5, 6 }, { 3, 3, 8 } };
        var (_, d1, d2, _) = ArchitectureHeterogeneity.BrownForsythe(u);
        d2.ShouldBe(4, 1e-12);
        d1.ShouldBe(1.6, 1e-12);
    }
}
