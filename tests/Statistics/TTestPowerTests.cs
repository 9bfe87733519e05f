using MathNet.Numerics.Distributions;
using ReproSpecs.Harness.Statistics;
using ReproSpecs.Tests.Statistics.Simulation;
using Shouldly;
using Xunit;

namespace ReproSpecs.Tests.Statistics;

/// <summary>The power function and the trials-needed figures against known answers.</summary>
public class TTestPowerTests
{
    /// <summary>Cohen's sample-size tables (and G*Power): two-sided α = 0.05, 80 % power.</summary>
    [Theory]
    [InlineData(0.5, 34)]
    [InlineData(0.8, 15)]
    [InlineData(1.0, 10)]
    public void One_sample_sizes_match_the_tables(double d, int n) => TTestPower.OneSampleUnits(d).ShouldBe(n);

    [Theory]
    [InlineData(0.5, 64)]
    [InlineData(0.8, 26)]
    [InlineData(1.0, 17)]
    public void Two_sample_sizes_per_group_match_the_tables(double d, int n) => TTestPower.TwoSampleUnitsPerGroup(d).ShouldBe(n);

    [Theory]
    [InlineData(0.5, 34, 0.8078)] // G*Power's "actual power"
    [InlineData(1.0, 10, 0.8031)]
    public void Power_matches_published_values(double d, int n, double power) =>
        TTestPower.TwoSided(d * Math.Sqrt(n), n - 1).ShouldBe(power, 5e-4);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(30)]
    public void With_no_effect_the_power_is_alpha(double df) => TTestPower.TwoSided(0, df).ShouldBe(0.05, 1e-6);

    [Fact]
    public void Power_with_many_degrees_of_freedom_tends_to_the_normal_power()
    {
        double z = Normal.InvCDF(0, 1, 0.975);
        TTestPower.TwoSided(3, 1e5).ShouldBe(Normal.CDF(0, 1, 3 - z) + Normal.CDF(0, 1, -3 - z), 1e-4);
    }

    [Fact]
    public void Power_matches_a_monte_carlo_of_the_t_test()
    {
        const int runs = 200_000;
        var rng = new Random(21);
        double c = StudentT.InvCDF(0, 1, 2, 0.975);
        double mc = Rates.Of(runs, _ => Math.Abs((TrialLevelModel.Z(rng) + 3) / Math.Sqrt(ChiSquared.Sample(rng, 2) / 2)) > c);
        TTestPower.TwoSided(3, 2).ShouldBe(mc, 4 * Rates.StandardError(mc, runs));
    }

    [Fact]
    public void A_zero_or_vanishing_effect_has_no_trials_needed()
    {
        TTestPower.OneSampleUnits(0).ShouldBeNull();
        TTestPower.OneSampleUnits(1e-4).ShouldBeNull(); // ≈ 7.8·10⁸ units: beyond the search
        TTestPower.OneSampleUnits(0.01).ShouldBe(78_491); // ≈ ((1.96 + 0.8416)/0.01)², plus the t correction
    }

    /// <summary>The comparison's figure on a case with a known answer: per-seed loss differences with mean/sd exactly 1 (or ½) need 10 (or 34) trials.</summary>
    [Theory]
    [InlineData(new[] { 0.0, 1.0, 2.0 }, 10)]
    [InlineData(new[] { -0.5, 0.5, 1.5 }, 34)]
    public void A_paired_comparison_reports_the_tabled_trials_needed(double[] differences, int expected)
    {
        var b = differences.Select(_ => 10.0).ToArray();
        var a = differences.Select(d => 10.0 + d).ToArray();
        PairedTrialComparison.Compare("known", a, b).UnitsFor80Power.ShouldBe(expected);
    }

    /// <summary>
    /// The Relative PD comparison's figure on a constructed case: with K = 3 and B's pairs all equal, the
    /// leave-one-out log ratios are log(A's pair / B's pair). Choosing them 0.05, 0.10, 0.15 makes the jackknife
    /// SE = √(4/3)·0.05 and L = log mean(e^0.05, e^0.1, e^0.15) = 0.1008 known in closed form; the per-seed
    /// effect L/(SE·√3) = 1.008 is Cohen's d ≈ 1, whose tabled answer is 10 trials (power 0.803 at d = 1, n = 10;
    /// 0.748 at n = 9).
    /// </summary>
    [Fact]
    public void A_relative_pd_comparison_reports_trials_needed_from_its_per_seed_spread()
    {
        double[] logRatios = [0.05, 0.10, 0.15]; // left-out trial 0, 1, 2 → pair (1,2), (0,2), (0,1)
        var b = new CellSample("m", "relu", TrialLevelModel.Seeds(3), Matrix(0.1, 0.1, 0.1));
        var a = new CellSample("m", "gelu", TrialLevelModel.Seeds(3),
            Matrix(pd01: 0.1 * Math.Exp(logRatios[2]), pd02: 0.1 * Math.Exp(logRatios[1]), pd12: 0.1 * Math.Exp(logRatios[0])));
        var c = RelativePdComparison.Compare(a, b);
        double se = Math.Sqrt(2.0 / 3 * (0.05 * 0.05 + 0 + 0.05 * 0.05)); // (K−1)/K·Σ(θ₋ₖ − θ̄)²
        double l = Math.Log((Math.Exp(0.05) + Math.Exp(0.10) + Math.Exp(0.15)) / 3);
        c.StandardError.ShouldBe(se, 1e-12);
        c.Estimate.ShouldBe(l, 1e-12);
        (l / (se * Math.Sqrt(3))).ShouldBe(1.0083, 1e-3);
        c.UnitsFor80Power.ShouldBe(10);
    }

    private static double[,] Matrix(double pd01, double pd02, double pd12) => new double[,]
    {
        { 0, pd01, pd02 },
        { pd01, 0, pd12 },
        { pd02, pd12, 0 },
    };
}
