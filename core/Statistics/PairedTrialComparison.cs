namespace ReproSpecs.Harness.Statistics;

/// <summary>
/// Compares a per-trial figure (loss or accuracy) of two cells, paired by seed (H4). Each trial yields
/// one number, so unlike pairwise PDs the trials of a cell are independent; what links the cells is the
/// seed, so the test is the paired t test on the per-seed differences d_k = x_A,k − x_B,k with K − 1
/// degrees of freedom. It is exact for normal differences at every K ≥ 2 (at K = 2 it has 1 degree of
/// freedom and a critical value of 12.7, valid but nearly powerless). The effect is reported relative to
/// B's mean, (x̄_A − x̄_B)/x̄_B, and the interval of the mean difference is scaled by the same x̄_B
/// (treated as a constant: per-trial losses vary far less than the difference's own uncertainty).
/// </summary>
public static class PairedTrialComparison
{
    private const string Method = "paired t test on per-seed differences; t(K−1)";

    /// <summary>Compares <paramref name="metric"/> of cell <paramref name="a"/> with the reference cell <paramref name="b"/>.</summary>
    public static ComparisonResult Compare(CellSample a, CellSample b, TrialMetric metric, double alpha = 0.05, string? label = null)
    {
        label ??= $"{a.Model}: {a.Activation} vs {b.Activation}, {Name(metric)}";
        var xa = Values(a, metric, label);
        var xb = Values(b, metric, label);
        var aligned = SeedAlignment.Of([a, b]);
        int k = aligned.Units;
        if (k < 2)
            throw new ReproSpecsException($"{label}: only {k} seed(s) common to both cells; a paired comparison needs at least 2 trials with the same seeds in each.");
        var da = Enumerable.Range(0, k).Select(u => xa[aligned.TrialOf(0, u)]).ToArray();
        var db = Enumerable.Range(0, k).Select(u => xb[aligned.TrialOf(1, u)]).ToArray();
        return Compare(label, da, db, alpha, aligned.Dropped);
    }

    /// <summary>
    /// Compares the per-seed mean of <paramref name="metric"/> over several cells (e.g. every smooth
    /// activation of one model) with the reference cell: d_k = mean_a x_a,k − x_ref,k, paired t on d.
    /// </summary>
    public static ComparisonResult Pooled(IReadOnlyList<CellSample> group, CellSample reference, TrialMetric metric, double alpha = 0.05, string? label = null)
    {
        if (group.Count == 0) throw new ReproSpecsException("a pooled comparison needs at least one cell in the group; list the activations to pool.");
        label ??= $"{reference.Model}: pooled {{{string.Join(", ", group.Select(c => c.Activation))}}} vs {reference.Activation}, {Name(metric)}";
        var values = group.Append(reference).Select(c => Values(c, metric, label)).ToArray();
        var aligned = SeedAlignment.Of([.. group, reference]);
        int k = aligned.Units, r = group.Count;
        if (k < 2)
            throw new ReproSpecsException($"{label}: only {k} seed(s) common to all cells; a paired comparison needs at least 2 trials with the same seeds in each.");
        var da = Enumerable.Range(0, k).Select(u => Enumerable.Range(0, r).Average(c => values[c][aligned.TrialOf(c, u)])).ToArray();
        var db = Enumerable.Range(0, k).Select(u => values[r][aligned.TrialOf(r, u)]).ToArray();
        return Compare(label, da, db, alpha, aligned.Dropped);
    }

    /// <summary>Paired comparison of <paramref name="a"/> with <paramref name="b"/>, entry k of each sharing a seed.</summary>
    public static ComparisonResult Compare(string label, IReadOnlyList<double> a, IReadOnlyList<double> b, double alpha = 0.05, int dropped = 0)
    {
        if (a.Count != b.Count) throw new ArgumentException("paired samples must have the same length");
        int k = a.Count;
        if (k < 2) throw new ReproSpecsException($"{label}: a paired comparison needs at least 2 seeds, got {k}.");
        var d = a.Zip(b, (x, y) => x - y).ToArray();
        double mean = d.Average();
        double magnitude = a.Concat(b).Max(Math.Abs);
        double sd = TTest.Floor(Math.Sqrt(d.Sum(v => (v - mean) * (v - mean)) / (k - 1)), magnitude); // equal differences: 0, not 1e-17
        double se = sd / Math.Sqrt(k), df = k - 1, level = 1 - alpha;
        double meanA = a.Average(), meanB = b.Average();
        if (meanB == 0) throw new ReproSpecsException($"{label}: the reference mean is 0, so a relative effect is undefined.");
        double half = TTest.HalfWidth(se, df, level);
        double scale = 100 / Math.Abs(meanB);
        int? needed = sd > 0 ? TTestPower.OneSampleUnits(mean / sd, alpha, 2) : null;
        var notes = new List<string>();
        if (TTest.DegenerateReason(se, df, "the per-seed differences") is { } degenerate) notes.Add($"Not decidable: {degenerate}.");
        if (dropped > 0) notes.Add($"{dropped} trial(s) without a partner seed in the other cell(s) left out.");
        return new ComparisonResult(label, Method, EffectScale.Difference, meanA, meanB, mean, se, df,
            TTest.TwoSidedP(mean, se, df), scale * mean, scale * (mean - half), scale * (mean + half), level, k, "trials per cell", needed,
            notes.Count > 0 ? string.Join(" ", notes) : null);
    }

    private static IReadOnlyList<double> Values(CellSample cell, TrialMetric metric, string label) =>
        metric switch
        {
            TrialMetric.Loss => cell.Loss,
            TrialMetric.Accuracy => cell.Accuracy,
            TrialMetric.AllPositionsLoss => cell.AllPositionsLoss,
            _ => cell.AllPositionsAccuracy,
        }
        ?? throw new ReproSpecsException($"{label}: cell {cell.Label} has no per-trial {Name(metric)}; build its sample from trial records.");

    private static string Name(TrialMetric metric) => metric switch
    {
        TrialMetric.Loss => "loss",
        TrialMetric.Accuracy => "accuracy",
        TrialMetric.AllPositionsLoss => "loss (all positions)",
        _ => "accuracy (all positions)",
    };
}
