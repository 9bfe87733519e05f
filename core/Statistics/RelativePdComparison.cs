using MathNet.Numerics;

namespace ReproSpecs.Harness.Statistics;

/// <summary>
/// Compares cells on Relative PD (H1, H2). The statistic is the log ratio of mean pairwise PDs,
/// L = log(PD̄_A / PD̄_B), so the effect (PD̄_A − PD̄_B)/PD̄_B = e^L − 1 is exactly the study's relative
/// difference, its interval stays above −100 %, and per-architecture effects can be averaged (H3).
/// <para>
/// Why a seed jackknife with a t(K − 1) reference: each cell's PD̄ averages K(K−1)/2 pairs that share
/// trials, so the pairs are not independent (K = 3 gives 3 pairs from 3 trials), and trial k of A and
/// trial k of B share all their seeds, so the cells are not independent either. Leaving one seed out
/// of every cell at once (see <see cref="SeedJackknife"/>) respects both; with an effect driven by
/// trial-level variation it reduces to the paired t test on seeds, and pair-level noise only makes it
/// conservative. A permutation test that swaps activation labels within a seed would be exact, but
/// with K = 3 it has 2³ = 8 arrangements, so its smallest two-sided p-value is 0.25: it can never
/// reject, which is why it is not the default; a trial-level bootstrap with 3 trials is worse still.
/// </para>
/// <para>
/// K = 2 leaves one pair per cell and nothing to leave out: no variance can be estimated, so the result
/// has p = 1, an unbounded interval and a note (always inconclusive, never a false claim).
/// </para>
/// </summary>
public static class RelativePdComparison
{
    private const string Method = "log ratio of mean pairwise Relative PD; leave-one-seed-out jackknife SE (seeds shared by both cells); t(K−1)";
    private const string PooledMethod = "mean log ratio of mean pairwise Relative PD over the activations; leave-one-seed-out jackknife SE (seeds shared by all cells); t(K−1)";

    /// <summary>The least number of common seeds a jackknife comparison needs (K − 1 ≥ 2 trials leave a pair).</summary>
    public const int MinimumTrials = 3;

    /// <summary>Compares cell <paramref name="a"/> with cell <paramref name="b"/> (the reference) on Relative PD.</summary>
    public static ComparisonResult Compare(CellSample a, CellSample b, double alpha = 0.05, string? label = null)
    {
        var aligned = SeedAlignment.Of([a, b]);
        label ??= $"{a.Model}: {a.Activation} vs {b.Activation}, Relative PD";
        return Run(aligned, label, Method, alpha, units => LogMean(aligned, 0, units) - LogMean(aligned, 1, units),
            units => aligned.MeanPairwisePd(1, units));
    }

    /// <summary>
    /// Compares several cells (e.g. every smooth activation of one model) with a reference cell, pooled:
    /// the statistic is the mean over <paramref name="group"/> of each cell's log ratio to the reference,
    /// so the effect is the geometric mean of their PD ratios minus one and every activation weighs the
    /// same. <see cref="ComparisonResult.ValueA"/> is the geometric mean of the group's mean PDs.
    /// </summary>
    public static ComparisonResult Pooled(IReadOnlyList<CellSample> group, CellSample reference, double alpha = 0.05, string? label = null)
    {
        if (group.Count == 0) throw new ReproSpecsException("a pooled comparison needs at least one cell in the group; list the activations to pool.");
        var aligned = SeedAlignment.Of([.. group, reference]);
        int r = group.Count;
        label ??= $"{reference.Model}: pooled {{{string.Join(", ", group.Select(c => c.Activation))}}} vs {reference.Activation}, Relative PD";
        return Run(aligned, label, PooledMethod, alpha, units =>
        {
            double sum = 0;
            for (int c = 0; c < r; c++) sum += LogMean(aligned, c, units);
            return sum / r - LogMean(aligned, r, units);
        }, units => aligned.MeanPairwisePd(r, units));
    }

    /// <summary>
    /// Runs a log-ratio statistic L through the seed jackknife. <paramref name="valueB"/> gives B's summary
    /// on all seeds; A's is reported as ValueB·e^L so that the two summaries always match the effect.
    /// </summary>
    internal static ComparisonResult Run(SeedAlignment aligned, string label, string method, double alpha,
        Func<IReadOnlyList<int>, double> logRatio, Func<IReadOnlyList<int>, double> valueB)
    {
        int k = aligned.Units;
        double level = 1 - alpha;
        string dropped = aligned.Dropped > 0 ? $" {aligned.Dropped} trial(s) without a partner seed in the other cell(s) left out." : "";
        if (k < 2)
            throw new ReproSpecsException($"{label}: only {k} seed(s) common to all cells; a comparison needs every cell to have completed at least 2 (better ≥ {MinimumTrials}) trials with the same seeds.{dropped}");
        var all = Enumerable.Range(0, k).ToArray();
        double b = valueB(all);
        if (k < MinimumTrials)
        {
            double l2 = logRatio(all);
            return new ComparisonResult(label, method, EffectScale.LogRatio, b * Math.Exp(l2), b, l2,
                double.PositiveInfinity, 0, 1, Percent(l2), -100, double.PositiveInfinity, level, k, "trials per cell", null,
                $"K = {k}: one pair per cell, so no between-trial variance can be estimated and nothing can be decided; run at least {MinimumTrials} trials per cell.{dropped}");
        }
        var jack = SeedJackknife.Run(k, logRatio);
        double l = jack.Estimate, se = TTest.Floor(jack.StandardError, 1), df = jack.DegreesOfFreedom; // log scale: 1e-10 is rounding
        double half = TTest.HalfWidth(se, df, level);
        int? needed = se > 0 ? TTestPower.OneSampleUnits(l / (se * Math.Sqrt(k)), alpha, MinimumTrials) : null;
        string degenerate = TTest.DegenerateReason(se, df, "the leave-one-seed-out estimates") is { } reason ? $"Not decidable: {reason}." : "";
        string note = (degenerate + dropped).Trim();
        return new ComparisonResult(label, method, EffectScale.LogRatio, b * Math.Exp(l), b, l, se, df,
            TTest.TwoSidedP(l, se, df), Percent(l), Percent(l - half), Percent(l + half), level, k, "trials per cell", needed,
            note.Length > 0 ? note : null);
    }

    private static double Percent(double logRatio) => 100 * SpecialFunctions.Expm1(logRatio);

    internal static double LogMean(SeedAlignment aligned, int cell, IReadOnlyList<int> units)
    {
        double mean = aligned.MeanPairwisePd(cell, units);
        if (!(mean > 0))
            throw new ReproSpecsException($"{aligned.Cells[cell].Label}: mean pairwise Relative PD is 0, so its trials are identical and a relative comparison is undefined; check that distinct seeds reach training.");
        return Math.Log(mean);
    }
}
