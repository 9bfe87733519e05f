using System.Globalization;
using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace ReproSpecs.Harness.Statistics;

/// <summary>
/// H3 as the study states it: does the smooth-vs-baseline effect on Relative PD depend on the architecture?
/// A two-sided test of heterogeneity of the per-architecture pooled log ratios L_m over every architecture
/// given (the study: all six), not a one-direction contrast of two hand-picked groups.
/// <para>
/// Method: the leave-one-seed-out jackknife over every cell of every architecture at once gives, per seed k
/// and architecture m, the pseudo-value P_km = K·L_m − (K−1)·L_m(−k) (whose mean over k is the bias-corrected
/// L_m and whose variance over k, divided by K, is L_m's jackknife variance). The K × M table of pseudo-values
/// is analysed as a randomized block design with seeds as blocks (jackknife ANOVA, Arvesen 1969):
/// F = MS_architecture / MS_residual on (M − 1, (M − 1)(K − 1)) degrees of freedom. Seeds are blocks because
/// trial k of every architecture shares its seeds (data order, dropout), so a seed that raises one
/// architecture's L may raise them all; the block term removes that shared part instead of counting it as
/// noise. Cochran's Q with weights 1/SE_m² was not chosen: each SE_m comes from K − 1 = 2 degrees of freedom
/// at K = 3, so the χ²(M − 1) reference is far too liberal; the F reference pools the residual variance over
/// all architectures and carries its own degrees of freedom. As everywhere, pair-level noise makes the
/// jackknife conservative.
/// </para>
/// <para>
/// The effect reported is the range of the architectures' PD ratios, 100·(e^{max L − min L} − 1) %; there is no
/// interval for it (NaN) and no power figure. Not rejecting is inconclusive, never "contradicted": a
/// heterogeneity test cannot show that the effect is the same everywhere.
/// </para>
/// </summary>
public static class ArchitectureHeterogeneity
{
    private const string Method = "heterogeneity of per-architecture pooled log PD ratios: jackknife pseudo-values (seeds × architectures), randomized-block ANOVA with seeds as blocks; F(M−1, (M−1)(K−1))";

    /// <summary>Tests whether the architectures' pooled smooth-vs-baseline log ratios differ.</summary>
    /// <param name="architectures">At least two architectures, each with at least one smooth cell and a baseline.</param>
    /// <param name="alpha">Test level (only used for the reported confidence level).</param>
    /// <param name="label">Label of the result; by default it names the architectures.</param>
    public static ComparisonResult Test(IReadOnlyList<ArchitectureCells> architectures, double alpha = 0.05, string? label = null)
    {
        int m = architectures.Count;
        label ??= $"H3: smooth-vs-{(m > 0 ? architectures[0].Baseline.Activation : "baseline")} Relative PD ratio across {{{string.Join(", ", architectures.Select(a => a.Model))}}}";
        if (m < 2) throw new ReproSpecsException($"{label}: {m} architecture(s); heterogeneity needs at least two.");
        if (architectures.Any(a => a.Smooth.Count == 0))
            throw new ReproSpecsException($"{label}: every architecture needs at least one smooth cell.");
        var cells = new List<CellSample>();
        var offsets = new List<int>();
        foreach (var arch in architectures)
        {
            offsets.Add(cells.Count);
            cells.AddRange(arch.Smooth);
            cells.Add(arch.Baseline);
        }
        var aligned = SeedAlignment.Of(cells);
        int k = aligned.Units;
        double level = 1 - alpha;
        string dropped = aligned.Dropped > 0 ? $" {aligned.Dropped} trial(s) without a partner seed in the other cell(s) left out." : "";
        if (k < RelativePdComparison.MinimumTrials)
            throw new ReproSpecsException($"{label}: only {k} seed(s) common to all cells of all architectures; heterogeneity needs at least {RelativePdComparison.MinimumTrials}.{dropped}");

        double ArchLog(int a, IReadOnlyList<int> units)
        {
            int start = offsets[a], r = architectures[a].Smooth.Count;
            double sum = 0;
            for (int c = 0; c < r; c++) sum += RelativePdComparison.LogMean(aligned, start + c, units);
            return sum / r - RelativePdComparison.LogMean(aligned, start + r, units);
        }

        var all = Enumerable.Range(0, k).ToArray();
        var full = Enumerable.Range(0, m).Select(a => ArchLog(a, all)).ToArray();
        var pseudo = new double[k, m];
        for (int s = 0; s < k; s++)
        {
            var rest = all.Where(u => u != s).ToArray();
            for (int a = 0; a < m; a++) pseudo[s, a] = k * full[a] - (k - 1) * ArchLog(a, rest);
        }
        var (f, df1, df2, msResidual) = BlockAnova(pseudo);
        double se = TTest.Floor(Math.Sqrt(msResidual / k), 1); // SE of one architecture's mean, pooled; log scale: 1e-10 is rounding
        double p = TTest.IsUsable(se, df2) ? 1 - FisherSnedecor.CDF(df1, df2, f) : 1;
        int hi = Array.IndexOf(full, full.Max()), lo = Array.IndexOf(full, full.Min());
        double range = full[hi] - full[lo];
        var inv = CultureInfo.InvariantCulture;
        string perArch = string.Join(", ", architectures.Select((a, i) => string.Create(inv, $"{a.Model} {Percent(full[i]):+0.0;−0.0;0.0} %")));
        string degenerate = TTest.DegenerateReason(se, df2, "the pseudo-values after removing seed and architecture effects") is { } why ? $"Not decidable: {why}. " : "";
        string note = string.Create(inv,
            $"{degenerate}F = {f:0.###} on ({df1}, {df2}) df. Per architecture (smooth/baseline PD ratio − 1): {perArch}. " +
            $"Effect = range of the ratios (largest {architectures[hi].Model} over smallest {architectures[lo].Model}); no interval or power figure for this test.{dropped}");
        return new ComparisonResult(label, Method, EffectScale.LogRatio, Math.Exp(full[hi]), Math.Exp(full[lo]), range, se, df2, p,
            Percent(range), double.NaN, double.NaN, level, k, $"trials per cell ({m} architectures)", null, note);
    }

    /// <summary>
    /// Randomized-block ANOVA of a blocks × treatments table without replication: the treatment F, its degrees
    /// of freedom and the residual mean square.
    /// </summary>
    public static (double F, int Df1, int Df2, double MsResidual) BlockAnova(double[,] table)
    {
        int b = table.GetLength(0), t = table.GetLength(1);
        if (b < 2 || t < 2) throw new ArgumentException("a block ANOVA needs at least 2 blocks and 2 treatments", nameof(table));
        double grand = 0;
        var blockMean = new double[b];
        var treatMean = new double[t];
        for (int i = 0; i < b; i++)
        for (int j = 0; j < t; j++)
        {
            grand += table[i, j];
            blockMean[i] += table[i, j] / t;
            treatMean[j] += table[i, j] / b;
        }
        grand /= b * t;
        double ssTreat = b * treatMean.Sum(x => (x - grand) * (x - grand)), ssRes = 0;
        for (int i = 0; i < b; i++)
        for (int j = 0; j < t; j++)
        {
            double r = table[i, j] - blockMean[i] - treatMean[j] + grand;
            ssRes += r * r;
        }
        int df1 = t - 1, df2 = (t - 1) * (b - 1);
        double msRes = ssRes / df2;
        return (msRes > 0 ? ssTreat / df1 / msRes : double.NaN, df1, df2, msRes);
    }

    private static double Percent(double logRatio) => 100 * SpecialFunctions.Expm1(logRatio);
}
