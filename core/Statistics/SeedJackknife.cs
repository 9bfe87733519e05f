namespace ReproSpecs.Harness.Statistics;

/// <summary>
/// Leave-one-seed-out jackknife. The unit is a seed, not a pair of trials: the study's per-cell number
/// is a mean over pairs (a U-statistic of degree 2), and pairs that share a trial are correlated, so
/// treating the K(K−1)/2 pairwise PDs as independent would understate the variance. Dropping a seed
/// removes that trial and all K−1 pairs it takes part in, from every cell at once (the cells share
/// the seed), which captures both the shared-trial dependence within a cell and the seed pairing
/// across cells. For a U-statistic the jackknife variance is consistent and, by the Efron–Stein
/// inequality, never biased low. In the additive model PD(i,j) = μ + u_i + u_j + e_ij it is unbiased for
/// the trial-level part 4σ_u²/K and over-estimates the pair-level part 2σ_e²/(K(K−1)) by the factor
/// 2(K−1)/(K−2) (4 at K = 3, 2.25 at K = 10), a part that vanishes as 1/K²: small-K tests err on the
/// conservative side. K = 2 has a single pair per cell and nothing to leave out (see docs/statistics.md).
/// </summary>
public static class SeedJackknife
{
    /// <summary>
    /// Jackknifes <paramref name="statistic"/>, which maps a set of unit indices (a subset of 0..K−1)
    /// to a number. Needs K ≥ 2 units and a statistic defined on K − 1 of them.
    /// </summary>
    public static JackknifeResult Run(int units, Func<IReadOnlyList<int>, double> statistic)
    {
        if (units < 2) throw new ArgumentException($"a jackknife needs at least 2 units, got {units}", nameof(units));
        var all = Enumerable.Range(0, units).ToArray();
        double estimate = statistic(all);
        var leaveOneOut = new double[units];
        for (int k = 0; k < units; k++)
            leaveOneOut[k] = statistic(all.Where(u => u != k).ToArray());
        double mean = leaveOneOut.Average();
        double ss = leaveOneOut.Sum(v => (v - mean) * (v - mean));
        double se = Math.Sqrt((units - 1.0) / units * ss);
        return new JackknifeResult(estimate, se, units, leaveOneOut);
    }
}
