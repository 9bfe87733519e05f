using ReproSpecs.Harness.Statistics;
using ReproSpecs.Tests.Statistics.Simulation;
using Shouldly;
using Xunit;
using Xunit.Abstractions;

namespace ReproSpecs.Tests.Statistics.Sequential;

/// <summary>
/// The sequential design is calibrated by simulation on synthetic cells with a known answer, through the harness's
/// own driver and hypotheses (<see cref="SequentialSimulation"/>): under a global null the family-wise rate of false
/// supported/contradicted verdicts over every look stays ≤ α + 0.02; a real effect is found with the power of the
/// fixed design at the cap, for fewer trials on average; an effect exactly at the equivalence margin is called
/// "no meaningful effect" at most at its stated rate. The figures are printed (docs/statistics.md quotes them).
/// </summary>
public class SequentialCalibrationTests(ITestOutputHelper output)
{
    private const double Alpha = 0.05;
    private static readonly PdRegime Mixed = new("mixed", 0.10, 0.10, 0.5);
    private static readonly PdRegime TrialDominated = new("trial-dominated", 0.15, 0.03, 0.5);

    [Theory]
    [InlineData("mixed", 20, 1000)]
    [InlineData("trial-dominated", 40, 600)]
    public void Under_the_global_null_the_family_wise_error_over_all_looks_is_at_most_alpha_plus_two_points(string regime, int cap, int runs)
    {
        var options = new SequentialOptions(LookSchedule.UpTo(cap), Alpha);
        var rng = new Random(20261202 + cap);
        double trials = 0;
        double rate = Rates.Of(runs, _ =>
        {
            var outcome = SequentialSimulation.Architecture(rng, options, Regime(regime), _ => 0.05);
            trials += outcome.TotalTrials;
            return SequentialSimulation.AnyClaim(outcome.Verdicts);
        });
        output.WriteLine($"{regime}, cap {cap} ({options.Schedule}): family-wise false-claim rate {rate:F4} over {runs} global nulls " +
                         $"(bound {Alpha + 0.02}); mean trials per cell {trials / runs / SequentialSimulation.Activations.Length:F1}");
        rate.ShouldBeLessThanOrEqualTo(Alpha + 0.02);
    }

    [Fact]
    public void Under_the_global_null_of_the_whole_study_the_family_wise_error_over_all_looks_is_at_most_alpha_plus_two_points()
    {
        const int cap = 12, runs = 150;
        var options = new SequentialOptions(LookSchedule.UpTo(cap), Alpha);
        var rng = new Random(56);
        int members = 0;
        double rate = Rates.Of(runs, _ =>
        {
            var outcome = SequentialSimulation.Study(rng, options, Mixed, new double[6]);
            members = outcome.Verdicts.Count;
            return SequentialSimulation.AnyClaim(outcome.Verdicts);
        });
        output.WriteLine($"whole study ({members} hypotheses, H3 included), cap {cap}: family-wise false-claim rate {rate:F4} over {runs} global nulls (bound {Alpha + 0.02})");
        members.ShouldBe(56);
        rate.ShouldBeLessThanOrEqualTo(Alpha + 0.02 + 2 * Rates.StandardError(Alpha, runs));
    }

    [Theory]
    [InlineData(-25)]
    [InlineData(-40)]
    public void A_real_effect_is_found_with_the_power_of_the_fixed_design_for_fewer_trials(double effectPercent)
    {
        const int cap = 20, runs = 400;
        var options = new SequentialOptions(LookSchedule.UpTo(cap), Alpha);
        double Mu(string a) => a == "relu" ? 0.05 : 0.05 * (1 + effectPercent / 100);
        var rng = new Random(7 + (int)effectPercent);
        int sequentialHits = 0, fixedHits = 0;
        double sequentialTrials = 0;
        for (int r = 0; r < runs; r++)
        {
            var outcome = SequentialSimulation.Architecture(rng, options, TrialDominated, Mu);
            var pooled = outcome.Verdicts.Single(v => v.Hypothesis.Id == "sim/H1[pooled]");
            if (pooled.Verdict == Verdict.Supported) sequentialHits++;
            sequentialTrials += pooled.Sequential!.TrialsAtDecision;
            if (SequentialSimulation.Fixed(rng, cap, Alpha, TrialDominated, Mu).Single(v => v.Hypothesis.Id == "sim/H1[pooled]").Verdict == Verdict.Supported) fixedHits++;
        }
        double sequentialPower = (double)sequentialHits / runs, fixedPower = (double)fixedHits / runs, meanTrials = sequentialTrials / runs;
        output.WriteLine($"effect {effectPercent:+0;−0} %, cap {cap}: H1[pooled] power sequential {sequentialPower:F3} at {meanTrials:F1} trials per cell on average, " +
                         $"fixed K = {cap} {fixedPower:F3} at {cap}");
        sequentialPower.ShouldBeGreaterThanOrEqualTo(fixedPower - 0.06, "the O'Brien–Fleming-type boundary costs little power at the cap");
        meanTrials.ShouldBeLessThan(cap, "a real effect stops the design early on average");
    }

    [Theory]
    [InlineData(5)]
    [InlineData(-5)]
    public void An_effect_at_the_equivalence_margin_is_called_no_meaningful_effect_at_most_at_its_stated_rate(double effectPercent)
    {
        const int cap = 40, runs = 500;
        var options = new SequentialOptions(LookSchedule.UpTo(cap), Alpha);
        // On the ratio scale the margin is [ln 0.95, ln 1.05]: the effect sits exactly on its edge.
        double Mu(string a) => a == "gelu" ? 0.05 * (1 + effectPercent / 100) : 0.05;
        var rng = new Random(99 + (int)effectPercent);
        double rate = Rates.Of(runs, _ => SequentialSimulation.Architecture(rng, options, Mixed, Mu)
            .Verdicts.Single(v => v.Hypothesis.Id == "sim/H1[gelu]").Verdict == Verdict.NoMeaningfulEffect);
        output.WriteLine($"true effect {effectPercent:+0;−0} % (on the margin), cap {cap}: 'no meaningful effect' rate {rate:F4} (stated {options.EquivalenceAlpha}, bound {options.EquivalenceAlpha + 0.02})");
        rate.ShouldBeLessThanOrEqualTo(options.EquivalenceAlpha + 0.02);
    }

    [Fact]
    public void No_effect_at_all_is_decided_as_no_meaningful_effect_when_the_trials_suffice()
    {
        const int cap = 40, runs = 200;
        var options = new SequentialOptions(LookSchedule.UpTo(cap), Alpha);
        var rng = new Random(4242);
        double rate = Rates.Of(runs, _ => SequentialSimulation.Architecture(rng, options, new PdRegime("narrow", 0.03, 0.03, 0.5), _ => 0.05)
            .Verdicts.Single(v => v.Hypothesis.Id == "sim/H1[gelu]").Verdict == Verdict.NoMeaningfulEffect);
        output.WriteLine($"no effect, narrow spread, cap {cap}: decided 'no meaningful effect' in {rate:F3} of {runs} runs");
        rate.ShouldBeGreaterThan(0.5, "with a spread well inside the margin the equivalence test has power");
    }

    private static PdRegime Regime(string name) => name == "mixed" ? Mixed : TrialDominated;
}
