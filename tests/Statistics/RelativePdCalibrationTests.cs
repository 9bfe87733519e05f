using MathNet.Numerics.Distributions;
using ReproSpecs.Harness.Statistics;
using ReproSpecs.Tests.Statistics.Simulation;
using Shouldly;
using Xunit;
using Xunit.Abstractions;

namespace ReproSpecs.Tests.Statistics;

/// <summary>
/// The Relative PD comparison is honest: under a null with the real dependence structure (pairs sharing
/// trials, cells sharing seeds) it rejects at most α + 0.02 of the time, and under a stated effect its
/// power is what the noncentral t says, in the regimes where that theory is exact to first order.
/// </summary>
public class RelativePdCalibrationTests(ITestOutputHelper output)
{
    private const double Alpha = 0.05;
    private const int NullRuns = 2000;

    private static readonly Dictionary<string, PdRegime> Regimes = new[]
    {
        new PdRegime("trial-dominated", 0.15, 0.03, 0.5),
        new PdRegime("pair-dominated", 0.03, 0.15, 0.5),
        new PdRegime("mixed, unpaired seeds", 0.10, 0.10, 0.0),
        new PdRegime("mixed, strongly paired seeds", 0.10, 0.10, 0.9),
        new PdRegime("wide trial spread", 0.40, 0.10, 0.5),
    }.ToDictionary(r => r.Name);

    public static TheoryData<string, int> NullCases()
    {
        var data = new TheoryData<string, int>();
        foreach (var regime in Regimes.Keys)
        foreach (int k in new[] { 3, 5, 10 })
            data.Add(regime, k);
        return data;
    }

    [Theory]
    [MemberData(nameof(NullCases))]
    public void Under_the_null_the_false_positive_rate_is_at_most_alpha_plus_two_points(string regime, int k)
    {
        var rng = new Random(1000 + 17 * k + regime.Length);
        double rate = Rates.Of(NullRuns, _ =>
        {
            var (a, b) = TrialLevelModel.DrawPair(rng, 0.05, 0.05, k, Regimes[regime]);
            return RelativePdComparison.Compare(a, b, Alpha).PValue <= Alpha;
        });
        output.WriteLine($"{regime}, K = {k}: false-positive rate {rate:F4} over {NullRuns} nulls (bound {Alpha + 0.02})");
        rate.ShouldBeLessThanOrEqualTo(Alpha + 0.02, $"{regime}, K = {k}");
    }

    /// <summary>
    /// The simulation has teeth: a two-sample t test that treats the K(K−1)/2 pairwise PDs of each cell as
    /// independent observations (what "3 trials, compare the pair PDs" invites) fails the same bound, and
    /// gets worse with more trials because the number of pairs grows faster than the information.
    /// </summary>
    [Theory]
    [InlineData(3)]
    [InlineData(10)]
    public void The_null_simulation_catches_a_test_that_treats_pairs_as_independent(int k)
    {
        var rng = new Random(2000 + k);
        double rate = Rates.Of(NullRuns, _ =>
        {
            var (a, b) = TrialLevelModel.DrawPair(rng, 0.05, 0.05, k, Regimes["trial-dominated"]);
            double[] Pairs(CellSample c) => [.. from i in Enumerable.Range(0, k) from j in Enumerable.Range(i + 1, k - i - 1) select Math.Log(c.Pd(i, j))];
            double[] x = Pairs(a), y = Pairs(b);
            int m = x.Length;
            double mx = x.Average(), my = y.Average();
            double se = Math.Sqrt((x.Sum(v => (v - mx) * (v - mx)) + y.Sum(v => (v - my) * (v - my))) / (m - 1) / m);
            return TTest.TwoSidedP(mx - my, se, 2 * m - 2) <= Alpha;
        });
        output.WriteLine($"naive t on pairs, trial-dominated, K = {k}: false-positive rate {rate:F4}");
        rate.ShouldBeGreaterThan(Alpha + 0.02);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    public void The_pooled_comparison_is_calibrated_under_the_null(int k)
    {
        var rng = new Random(77 + k);
        var cells = new[] { "smelu_05", "smelu_1", "gelu", "swish", "swiglu", "relu" }.Select(a => new SimCell(a, 0.05)).ToArray();
        double rate = Rates.Of(NullRuns, _ =>
        {
            var drawn = TrialLevelModel.Draw(rng, "sim", cells, k, Regimes["mixed, strongly paired seeds"]);
            return RelativePdComparison.Pooled(drawn[..5], drawn[5], Alpha).PValue <= Alpha;
        });
        output.WriteLine($"pooled 5 vs 1, K = {k}: false-positive rate {rate:F4} over {NullRuns} nulls");
        rate.ShouldBeLessThanOrEqualTo(Alpha + 0.02);
    }

    /// <summary>
    /// Trial effects only, small on the log scale: L ≈ Δ + 2(ū_A − ū_B) to first order and the jackknife of a
    /// mean is the paired t test, so the t statistic is noncentral t(K − 1) with noncentrality
    /// |Δ|·√K / (2σ_v), σ_v = σ_u·√(2(1 − ρ)). Tolerance: 3 binomial standard errors plus 0.01 for the
    /// first-order approximation.
    /// </summary>
    [Theory]
    [InlineData(3, 0.75)]
    [InlineData(5, 0.85)]
    [InlineData(10, 0.90)]
    public void With_trial_level_noise_power_matches_the_noncentral_t(int k, double ratio)
    {
        const int runs = 4000;
        var regime = new PdRegime("trial only", 0.05, 0.0, 0.5);
        double sigmaV = regime.SigmaTrial * Math.Sqrt(2 * (1 - regime.SeedCorrelation));
        double ncp = Math.Abs(Math.Log(ratio)) * Math.Sqrt(k) / (2 * sigmaV);
        double theory = TTestPower.TwoSided(ncp, k - 1, Alpha);
        var rng = new Random(500 + k);
        double power = Rates.Of(runs, _ =>
        {
            var (a, b) = TrialLevelModel.DrawPair(rng, 0.05 * ratio, 0.05, k, regime);
            var c = RelativePdComparison.Compare(a, b, Alpha);
            return c.PValue <= Alpha && c.Direction < 0;
        });
        double tolerance = 3 * Rates.StandardError(theory, runs) + 0.01;
        output.WriteLine($"K = {k}, ratio {ratio}: power {power:F4}, theory {theory:F4} (ncp {ncp:F3}), tolerance {tolerance:F4}");
        power.ShouldBe(theory, tolerance);
    }

    /// <summary>
    /// Pair effects only at K = 3: each leave-one-out value is one pair's log ratio, the three are independent,
    /// and the jackknife SE is exactly twice the naive SE of their mean, so the jackknife t is half a
    /// noncentral t(2) with noncentrality |Δ|·√3/(√2·σ_e): power = P(|T| &gt; 2·t_{0.975, 2}). This is the
    /// conservative side of the design, shown with numbers.
    /// </summary>
    [Fact]
    public void With_pair_level_noise_at_three_trials_power_matches_the_halved_noncentral_t()
    {
        const int runs = 4000, k = 3;
        const double ratio = 0.7;
        var regime = new PdRegime("pair only", 0.0, 0.05, 0.5);
        double ncp = Math.Abs(Math.Log(ratio)) * Math.Sqrt(3) / (Math.Sqrt(2) * regime.SigmaPair);
        double critical = StudentT.InvCDF(0, 1, 2, 1 - Alpha / 2);
        double theory = TTestPower.Exceedance(ncp, 2, 2 * critical);
        double naive = TTestPower.Exceedance(ncp, 2, critical);
        var rng = new Random(9);
        double power = Rates.Of(runs, _ =>
        {
            var (a, b) = TrialLevelModel.DrawPair(rng, 0.05 * ratio, 0.05, k, regime);
            var c = RelativePdComparison.Compare(a, b, Alpha);
            return c.PValue <= Alpha && c.Direction < 0;
        });
        double tolerance = 3 * Rates.StandardError(theory, runs) + 0.01;
        output.WriteLine($"pair-only, K = 3, ratio {ratio}: power {power:F4}, theory {theory:F4} (a paired t on the three pair differences, exact only without trial-level noise: {naive:F4})");
        power.ShouldBe(theory, tolerance);
    }
}
