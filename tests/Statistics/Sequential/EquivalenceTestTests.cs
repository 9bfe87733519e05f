using MathNet.Numerics.Distributions;
using ReproSpecs.Harness.Statistics;
using Shouldly;
using Xunit;

namespace ReproSpecs.Tests.Statistics.Sequential;

/// <summary>TOST on the comparison's own scale.</summary>
public class EquivalenceTestTests
{
    private static ComparisonResult Log(double estimate, double se, double df) =>
        new("t", "m", EffectScale.LogRatio, Math.Exp(estimate), 1, estimate, se, df, 0.5, 100 * (Math.Exp(estimate) - 1), 0, 0, 0.95, (int)df + 1, "trials per cell", null);

    [Fact]
    public void The_p_value_is_the_larger_one_sided_p_against_the_ratio_margins()
    {
        var c = Log(0.01, 0.01, 9);
        double expectedLow = StudentT.CDF(0, 1, 9, -(0.01 - Math.Log(0.95)) / 0.01);
        double expectedHigh = StudentT.CDF(0, 1, 9, (0.01 - Math.Log(1.05)) / 0.01);
        EquivalenceTest.PValue(c, ClaimDirection.Lower, 5).ShouldNotBeNull().ShouldBe(Math.Max(expectedLow, expectedHigh), 1e-12);
    }

    [Fact]
    public void A_precise_zero_effect_is_equivalent_and_an_effect_outside_the_margin_is_not()
    {
        EquivalenceTest.PValue(Log(0, 0.005, 19), ClaimDirection.Lower, 5)!.Value.ShouldBeLessThan(0.001);
        EquivalenceTest.PValue(Log(Math.Log(0.8), 0.005, 19), ClaimDirection.Lower, 5)!.Value.ShouldBeGreaterThan(0.99);
    }

    [Fact]
    public void A_difference_scale_margin_is_a_share_of_the_reference()
    {
        var c = new ComparisonResult("t", "m", EffectScale.Difference, 2.0, 2.0, 0.0, 0.01, 9, 1, 0, 0, 0, 0.95, 10, "trials per cell", null);
        // ±5 % of B = 2.0 is ±0.1, ten standard errors away: clearly equivalent.
        EquivalenceTest.PValue(c, ClaimDirection.Higher, 5)!.Value.ShouldBeLessThan(1e-5);
    }

    [Fact]
    public void No_equivalence_is_claimed_from_a_degenerate_standard_error_or_a_two_sided_claim()
    {
        EquivalenceTest.PValue(Log(0, 0, 9), ClaimDirection.Lower, 5).ShouldBeNull();
        EquivalenceTest.PValue(Log(0, double.PositiveInfinity, 0), ClaimDirection.Lower, 5).ShouldBeNull();
        EquivalenceTest.PValue(Log(0, 0.01, 9), ClaimDirection.Differs, 5).ShouldBeNull();
    }
}
