using ReproSpecs.Harness.Statistics;
using ReproSpecs.Tests.Statistics.Simulation;
using Shouldly;
using Xunit;

namespace ReproSpecs.Tests.Statistics;

/// <summary>The verdict mapping on constructed cases, and the message a spec will print.</summary>
public class VerdictTests
{
    private static ComparisonResult Result(double estimate, double p) => new(
        "m: a vs b, Relative PD", "test", EffectScale.LogRatio, 0.05 * Math.Exp(estimate), 0.05, estimate, 0.01, 2, p,
        100 * (Math.Exp(estimate) - 1), -30, -5, 0.95, 3, "trials per cell", 7);

    [Theory]
    [InlineData(-0.2, 0.001, ClaimDirection.Lower, Verdict.Supported)]
    [InlineData(0.2, 0.001, ClaimDirection.Lower, Verdict.Contradicted)]
    [InlineData(0.2, 0.001, ClaimDirection.Higher, Verdict.Supported)]
    [InlineData(-0.2, 0.001, ClaimDirection.Higher, Verdict.Contradicted)]
    [InlineData(-0.2, 0.2, ClaimDirection.Lower, Verdict.Inconclusive)]
    [InlineData(0.2, 0.2, ClaimDirection.Lower, Verdict.Inconclusive)]
    [InlineData(-0.2, 0.05, ClaimDirection.Lower, Verdict.Supported)] // p ≤ α counts
    public void Significance_and_direction_decide(double estimate, double adjustedP, ClaimDirection claim, Verdict expected) =>
        VerdictMapping.Decide(Result(estimate, adjustedP), claim, adjustedP, 0.05).ShouldBe(expected);

    [Fact]
    public void Holm_can_turn_a_nominally_significant_result_inconclusive()
    {
        var family = new[]
        {
            new Hypothesis("h1", "a lower", ClaimDirection.Lower, Result(-0.2, 0.03)),
            new Hypothesis("h2", "a lower", ClaimDirection.Lower, Result(-0.2, 0.04)),
            new Hypothesis("h3", "a lower", ClaimDirection.Lower, Result(0.3, 0.001)),
        };
        var verdicts = HypothesisFamily.Decide(family);
        verdicts.Select(v => v.Verdict).ShouldBe([Verdict.Inconclusive, Verdict.Inconclusive, Verdict.Contradicted]);
        verdicts.Select(v => v.AdjustedP).ShouldBe([0.06, 0.06, 0.003], tolerance: 1e-12);
        verdicts.ShouldAllBe(v => v.FamilySize == 3);
    }

    [Fact]
    public void The_message_carries_effect_interval_p_holm_p_and_trials_needed()
    {
        var h = new Hypothesis("charlm/H1[gelu]", "gelu gives lower Relative PD than relu", ClaimDirection.Lower, Result(-0.2, 0.004));
        var v = HypothesisFamily.Decide([h, new Hypothesis("other", "x", ClaimDirection.Lower, Result(0.1, 0.5))]).First();
        v.Verdict.ShouldBe(Verdict.Supported);
        v.Message.ShouldStartWith("charlm/H1[gelu] supported: m: a vs b, Relative PD: −18.1 % (95 % CI −30.0 % to −5.00 %)");
        v.Message.ShouldContain("p = 0.004, Holm p = 0.008 (m = 2), 3 trials per cell; 80 % power for this effect needs 7 trials per cell");
        v.Message.ShouldNotContain("\n");
    }

    [Fact]
    public void Ids_must_be_unique_within_a_family() =>
        Should.Throw<ReproSpecs.Harness.ReproSpecsException>(() => HypothesisFamily.Decide(
            [new Hypothesis("h", "x", ClaimDirection.Lower, Result(0, 1)), new Hypothesis("h", "y", ClaimDirection.Lower, Result(0, 1))]));

    /// <summary>End to end: cells built so that A's PD is clearly below B's, clearly above, or identical.</summary>
    [Fact]
    public void Constructed_cells_map_to_supported_contradicted_and_inconclusive()
    {
        var rng = new Random(3);
        var regime = new PdRegime("tight", 0.02, 0.02, 0.5);
        var (low, reference) = TrialLevelModel.DrawPair(rng, 0.03, 0.05, 5, regime);
        var (high, reference2) = TrialLevelModel.DrawPair(rng, 0.08, 0.05, 5, regime);
        var family = new[]
        {
            new Hypothesis("lower", "a below b", ClaimDirection.Lower, RelativePdComparison.Compare(low, reference)),
            new Hypothesis("higher", "a below b", ClaimDirection.Lower, RelativePdComparison.Compare(high, reference2)),
            new Hypothesis("same", "a below b", ClaimDirection.Lower, RelativePdComparison.Compare(reference, reference)),
        };
        var verdicts = HypothesisFamily.Decide(family);
        verdicts.Select(v => v.Verdict).ShouldBe([Verdict.Supported, Verdict.Contradicted, Verdict.Inconclusive]);
        verdicts[2].Hypothesis.Comparison.PValue.ShouldBe(1);
        verdicts[2].Hypothesis.Comparison.UnitsFor80Power.ShouldBeNull();
        // A cell against itself has a zero standard error: that is no evidence either way, and the message says so.
        verdicts[2].Message.ShouldContain("standard error is 0");
        verdicts[2].Message.ShouldContain("power cannot be estimated");
    }

    [Fact]
    public void Two_trials_are_always_inconclusive_and_say_why()
    {
        var rng = new Random(4);
        var (a, b) = TrialLevelModel.DrawPair(rng, 0.01, 0.05, 2, new PdRegime("tight", 0.01, 0.01, 0.5));
        var c = RelativePdComparison.Compare(a, b);
        c.PValue.ShouldBe(1);
        c.EffectPercent.ShouldBeLessThan(-50); // the estimate is still reported
        c.CiLowPercent.ShouldBe(-100);
        c.CiHighPercent.ShouldBe(double.PositiveInfinity);
        c.Note.ShouldNotBeNull().ShouldContain("K = 2");
        var v = HypothesisFamily.Decide([new Hypothesis("h", "a lower", ClaimDirection.Lower, c)]).Single();
        v.Verdict.ShouldBe(Verdict.Inconclusive);
        v.Message.ShouldContain("power cannot be estimated");
        v.Message.ShouldContain("+∞ %");
    }
}
