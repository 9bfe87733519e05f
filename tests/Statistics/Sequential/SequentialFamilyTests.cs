using MathNet.Numerics.Distributions;
using ReproSpecs.Harness.Statistics;
using ReproSpecs.Tests.Statistics.Simulation;
using Shouldly;
using Xunit;

namespace ReproSpecs.Tests.Statistics.Sequential;

/// <summary>The sequential family's decisions on hypotheses whose p-values are set by hand.</summary>
public class SequentialFamilyTests
{
    /// <summary>A log-ratio comparison with a two-sided t p-value of <paramref name="p"/> (sign of <paramref name="sign"/>) on df = K − 1.</summary>
    private static Hypothesis H(string id, double p, int k, int sign = -1, double se = 0.05, string? blocked = null, ClaimDirection direction = ClaimDirection.Lower)
    {
        double df = k - 1, t = p < 1e-8 ? 1e4 : StudentT.InvCDF(0, 1, df, 1 - p / 2); // InvCDF does not reach the far tail
        double estimate = sign * t * se;
        var c = new ComparisonResult(id, "test", EffectScale.LogRatio, Math.Exp(estimate), 1, estimate, se, df, p, 100 * (Math.Exp(estimate) - 1),
            -50, 50, 0.95, k, "trials per cell", 12);
        return new Hypothesis(id, "claim", direction, c, ["m/a", "m/relu"], blocked);
    }

    [Fact]
    public void With_one_look_the_family_is_Holm_and_a_rejection_frees_its_share_for_the_others()
    {
        var family = new SequentialFamily(new SequentialOptions(LookSchedule.Fixed(10)), ["a", "b", "c"]);
        // Holm at α = 0.05, m = 3: 0.01 ≤ 0.0167 → reject; then 0.024 ≤ 0.025 → reject; then 0.3 > 0.05 → stop.
        family.Observe(0, [H("a", 0.024, 10), H("b", 0.01, 10), H("c", 0.3, 10, se: 0.5)]);
        var v = family.Verdicts().ToDictionary(x => x.Hypothesis.Id);
        v["b"].Verdict.ShouldBe(Verdict.Supported);
        v["a"].Verdict.ShouldBe(Verdict.Supported);
        v["c"].Verdict.ShouldBe(Verdict.Inconclusive);
        v["c"].Message.ShouldContain("cap reached undecided; 80 % power for the observed effect needs 12 trials per cell");
    }

    [Fact]
    public void Without_the_freed_share_the_second_hypothesis_would_not_be_rejected()
    {
        var family = new SequentialFamily(new SequentialOptions(LookSchedule.Fixed(10)), ["a", "b"]);
        family.Observe(0, [H("a", 0.03, 10), H("b", 0.04, 10)]);
        family.Verdicts().ShouldAllBe(x => x.Verdict == Verdict.Inconclusive); // 0.03 > 0.025: Holm stops at once
    }

    [Fact]
    public void A_large_effect_stops_early_and_its_cells_stop_growing()
    {
        var options = new SequentialOptions(LookSchedule.UpTo(10));
        var family = new SequentialFamily(options, ["big", "small"]);
        family.Observe(0, [H("big", 1e-12, 3, se: 0.001), H("small", 0.4, 3, se: 0.5)]);
        family.Open.ShouldBe(["small"]);
        var big = family.Verdicts().Single(x => x.Hypothesis.Id == "big");
        big.Verdict.ShouldBe(Verdict.Supported);
        big.Sequential!.DecidedAtLook.ShouldBe(1);
        big.Sequential.TrialsAtDecision.ShouldBe(3);
        big.AdjustedP.ShouldBeLessThanOrEqualTo(options.Alpha);
    }

    [Fact]
    public void The_sign_decides_between_supported_and_contradicted()
    {
        var family = new SequentialFamily(new SequentialOptions(LookSchedule.Fixed(10)), ["up"]);
        family.Observe(0, [H("up", 1e-6, 10, sign: +1)]);
        family.Verdicts().Single().Verdict.ShouldBe(Verdict.Contradicted);
    }

    [Fact]
    public void A_standard_error_of_zero_is_never_evidence_even_with_a_p_of_zero()
    {
        var c = H("z", 0.5, 10).Comparison with { StandardError = 0, PValue = 0, Estimate = -0.3 };
        var family = new SequentialFamily(new SequentialOptions(LookSchedule.Fixed(10)), ["z"]);
        family.Observe(0, [new Hypothesis("z", "claim", ClaimDirection.Lower, c)]);
        family.Verdicts().Single().Verdict.ShouldBe(Verdict.Inconclusive);
    }

    [Fact]
    public void A_hypothesis_on_an_invalid_cell_stops_at_once_as_inconclusive_with_the_reason()
    {
        var family = new SequentialFamily(new SequentialOptions(LookSchedule.UpTo(20)), ["x"]);
        family.Observe(0, [H("x", 1e-9, 3, blocked: "m/a did not learn")]);
        family.Done.ShouldBeTrue();
        var v = family.Verdicts().Single();
        v.Verdict.ShouldBe(Verdict.Inconclusive);
        v.Message.ShouldContain("m/a did not learn");
    }

    [Fact]
    public void A_precise_null_is_decided_as_no_meaningful_effect_and_stops()
    {
        var family = new SequentialFamily(new SequentialOptions(LookSchedule.Fixed(20)), ["n"]);
        var c = H("n", 0.9, 20).Comparison with { Estimate = 0.001, StandardError = 0.004, PValue = 0.8, EffectPercent = 0.1 };
        family.Observe(0, [new Hypothesis("n", "claim", ClaimDirection.Lower, c)]);
        var v = family.Verdicts().Single();
        v.Verdict.ShouldBe(Verdict.NoMeaningfulEffect);
        v.Message.ShouldContain("within ±5 %");
        v.Sequential!.Looks.Single().Outcome.ShouldBe("no meaningful effect");
    }

    [Fact]
    public void Looks_must_come_in_order()
    {
        var family = new SequentialFamily(new SequentialOptions(LookSchedule.UpTo(10)), ["a"]);
        Should.Throw<InvalidOperationException>(() => family.Observe(1, [H("a", 0.5, 5)]));
    }

    [Fact]
    public void The_same_data_give_the_same_looks_trials_and_verdicts()
    {
        var options = new SequentialOptions(LookSchedule.UpTo(12));
        var regime = new PdRegime("trial-dominated", 0.15, 0.03, 0.5);
        string Run() => string.Join("\n", SequentialSimulation.Architecture(new Random(5), options, regime, a => a == "relu" ? 0.05 : 0.035)
            .Verdicts.Select(v => $"{v.Hypothesis.Id} {v.Verdict} {v.Sequential!.DecidedAtLook} {v.Hypothesis.Comparison.Estimate:R} {v.Message}"));
        Run().ShouldBe(Run());
    }

    [Fact]
    public void Cells_that_no_open_hypothesis_needs_stop_growing()
    {
        var options = new SequentialOptions(LookSchedule.UpTo(20));
        var regime = new PdRegime("trial-dominated", 0.15, 0.03, 0.5);
        // A huge gelu effect (−60 %) decides H1[gelu] early, the rest is a null: gelu's cell must not reach the cap
        // unless a pooled hypothesis that contains it is still open.
        var outcome = SequentialSimulation.Architecture(new Random(3), options, regime, a => a == "gelu" ? 0.02 : 0.05);
        var gelu = outcome.Verdicts.Single(v => v.Hypothesis.Id == "sim/H1[gelu]");
        gelu.Verdict.ShouldBe(Verdict.Supported);
        gelu.Sequential!.TrialsAtDecision.ShouldBeLessThan(20);
        outcome.TrialsPerCell["sim/relu"].ShouldBeGreaterThanOrEqualTo(outcome.TrialsPerCell["sim/gelu"]);
        outcome.TrialsPerCell.Values.Max().ShouldBeLessThanOrEqualTo(20);
    }
}
