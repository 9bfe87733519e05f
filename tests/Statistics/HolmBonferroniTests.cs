using ReproSpecs.Harness.Statistics;
using ReproSpecs.Tests.Statistics.Simulation;
using Shouldly;
using Xunit;
using Xunit.Abstractions;

namespace ReproSpecs.Tests.Statistics;

/// <summary>Holm–Bonferroni: hand-computed adjustments, and family-wise error control on simulated null families.</summary>
public class HolmBonferroniTests(ITestOutputHelper output)
{
    private const double Alpha = 0.05;

    [Fact]
    public void Adjusted_p_values_match_a_hand_computed_example()
    {
        // Sorted: 0.005·4 = 0.02, 0.01·3 = 0.03, 0.03·2 = 0.06, 0.04·1 = 0.04 → running max 0.06.
        double[] p = [0.01, 0.04, 0.03, 0.005];
        HolmBonferroni.Adjust(p).ShouldBe([0.03, 0.06, 0.06, 0.02], tolerance: 1e-12);
        HolmBonferroni.Reject(p, Alpha).ShouldBe([true, false, false, true]);
    }

    [Fact]
    public void Adjusted_p_values_are_capped_at_one_and_ties_keep_their_order()
    {
        HolmBonferroni.Adjust([0.5, 0.5, 0.2]).ShouldBe([1.0, 1.0, 0.6], tolerance: 1e-12);
        HolmBonferroni.Adjust([0.02]).ShouldBe([0.02]);
        HolmBonferroni.Adjust([]).ShouldBeEmpty();
        Should.Throw<ArgumentException>(() => HolmBonferroni.Adjust([double.NaN]));
    }

    [Fact]
    public void Holm_controls_the_family_wise_error_of_independent_nulls_where_unadjusted_tests_do_not()
    {
        const int runs = 4000, m = 10;
        var rng = new Random(11);
        int holm = 0, raw = 0;
        for (int r = 0; r < runs; r++)
        {
            var p = Enumerable.Range(0, m).Select(_ => rng.NextDouble()).ToArray();
            if (HolmBonferroni.Reject(p, Alpha).Any(x => x)) holm++;
            if (p.Any(x => x <= Alpha)) raw++;
        }
        output.WriteLine($"10 independent nulls: family-wise error {holm / (double)runs:F4} with Holm, {raw / (double)runs:F4} unadjusted");
        (holm / (double)runs).ShouldBeLessThanOrEqualTo(Alpha + 0.02);
        (raw / (double)runs).ShouldBeGreaterThan(0.3); // 1 − 0.95¹⁰ = 0.40: the adjustment is needed
    }

    /// <summary>One architecture's whole family (H1 × 5, H1 pooled, H2, H4 loss and accuracy) under the null, through the study builder.</summary>
    [Fact]
    public void A_run_s_family_under_the_null_reports_a_false_verdict_at_most_alpha_plus_two_points_of_the_time()
    {
        const int runs = 1000, k = 5;
        var regime = new PdRegime("mixed", 0.15, 0.05, 0.5);
        var cells = new[] { "smelu_05", "smelu_1", "gelu", "swish", "swiglu", "relu" }.Select(a => new SimCell(a, 0.05)).ToArray();
        var rng = new Random(12);
        int familyErrors = 0, testErrors = 0, tests = 0, family = 0;
        for (int r = 0; r < runs; r++)
        {
            var drawn = TrialLevelModel.Draw(rng, "sim", cells, k, regime).ToDictionary(c => c.Activation);
            var verdicts = HypothesisFamily.Decide(StudyHypotheses.ForArchitecture("sim", drawn, Alpha), Alpha);
            family = verdicts.Count;
            if (verdicts.Any(v => v.Verdict != Verdict.Inconclusive)) familyErrors++;
            testErrors += verdicts.Count(v => v.Hypothesis.Comparison.PValue <= Alpha);
            tests += verdicts.Count;
        }
        double fwer = familyErrors / (double)runs;
        output.WriteLine($"family of {family} null hypotheses, K = {k}: family-wise error {fwer:F4} (per-test unadjusted rate {testErrors / (double)tests:F4}) over {runs} runs");
        family.ShouldBe(9);
        fwer.ShouldBeLessThanOrEqualTo(Alpha + 0.02);
    }
}
