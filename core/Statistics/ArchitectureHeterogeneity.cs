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
/// is analysed as a one-way layout (architectures × seeds) with Brown–Forsythe's heteroscedastic F*
/// (<see cref="BrownForsythe"/>): architectures differ in how noisy they are, and the seeds-as-blocks F
/// (which assumes equal variances of all contrasts) rejected a true null 7.3 % of the time in that regime
/// (K = 5), while a Greenhouse–Geisser correction, estimated from K − 1 degrees of freedom, made it nearly
/// powerless at K ≤ 5 (docs/statistics.md).
/// Seeds are not treated as blocks: a seed effect shared across architectures (same data order) enters each
/// v_m but cancels in the between-architecture spread, so ignoring it errs on the conservative side.
/// Cochran's Q with weights 1/SE_m² was not chosen: each SE_m comes from K − 1 = 2 degrees of freedom at
/// K = 3, so the χ²(M − 1) reference is far too liberal; F* pools the variances over
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
    private const string Method = "heterogeneity of per-architecture pooled log PD ratios: jackknife pseudo-values (seeds × architectures), Brown–Forsythe heteroscedastic one-way F* with Satterthwaite degrees of freedom";

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
        var (f, df1, df2, meanVariance) = BrownForsythe(pseudo);
        double se = TTest.Floor(Math.Sqrt(meanVariance / k), 1); // SE of one architecture's L, averaged; log scale: 1e-10 is rounding
        double p = TTest.IsUsable(se, df2) && double.IsFinite(f) ? 1 - FisherSnedecor.CDF(df1, df2, f) : 1;
        int hi = Array.IndexOf(full, full.Max()), lo = Array.IndexOf(full, full.Min());
        double range = full[hi] - full[lo];
        var inv = CultureInfo.InvariantCulture;
        string perArch = string.Join(", ", architectures.Select((a, i) => string.Create(inv, $"{a.Model} {Percent(full[i]):+0.0;−0.0;0.0} %")));
        string degenerate = TTest.DegenerateReason(se, df2, "the leave-one-seed-out estimates of every architecture") is { } why ? $"Not decidable: {why}. " : "";
        string note = string.Create(inv,
            $"{degenerate}F* = {f:0.###} on ({df1:0.##}, {df2:0.##}) df. Per architecture (smooth/baseline PD ratio − 1): {perArch}. " +
            $"Effect = range of the ratios (largest {architectures[hi].Model} over smallest {architectures[lo].Model}); no interval or power figure for this test.{dropped}");
        return new ComparisonResult(label, Method, EffectScale.LogRatio, Math.Exp(full[hi]), Math.Exp(full[lo]), range, se, df2, p,
            Percent(range), double.NaN, double.NaN, level, k, $"trials per cell ({m} architectures)", null, note);
    }

    /// <summary>
    /// Brown–Forsythe's heteroscedastic one-way ANOVA of a units × groups table (balanced), with Box's
    /// (Mehrotra's) numerator degrees of freedom: F* = K·Σ_m (P̄_m − P̄)² / ((1 − 1/M)·Σ_m v_m), v_m the
    /// variance of group m's column. Both the numerator and the denominator have expectation (1 − 1/M)·Σ v_m
    /// under the null whatever the v_m; their degrees of freedom are Satterthwaite's,
    /// df₁ = tr(HV)² / tr((HV)²) (H = I − J/M, V = diag v) and df₂ = (Σ v_m)² / Σ (v_m² / (K − 1)). With equal
    /// variances it is the ordinary F(M − 1, M(K − 1)). Returns F*, df₁, df₂ and the mean column variance.
    /// </summary>
    public static (double F, double Df1, double Df2, double MeanVariance) BrownForsythe(double[,] table)
    {
        int k = table.GetLength(0), m = table.GetLength(1);
        if (k < 2 || m < 2) throw new ArgumentException("the test needs at least 2 units and 2 groups", nameof(table));
        var mean = new double[m];
        var variance = new double[m];
        for (int j = 0; j < m; j++)
        {
            for (int i = 0; i < k; i++) mean[j] += table[i, j] / k;
            for (int i = 0; i < k; i++) variance[j] += (table[i, j] - mean[j]) * (table[i, j] - mean[j]) / (k - 1);
        }
        double grand = mean.Average(), sumV = variance.Sum();
        double q = k * mean.Sum(x => (x - grand) * (x - grand));
        double denominator = (1 - 1.0 / m) * sumV;
        // tr((HV)²) = Σ_j Σ_l H_jl² v_j v_l with H_jj = 1 − 1/M, H_jl = −1/M.
        double diag = (1 - 1.0 / m) * (1 - 1.0 / m), off = 1.0 / (m * m), trSq = 0;
        for (int j = 0; j < m; j++)
        for (int l = 0; l < m; l++) trSq += (j == l ? diag : off) * variance[j] * variance[l];
        double df1 = trSq > 0 ? denominator * denominator / trSq : m - 1;
        double sumSq = variance.Sum(v => v * v);
        double df2 = sumSq > 0 ? sumV * sumV / (sumSq / (k - 1)) : 0;
        return (denominator > 0 ? q / denominator : double.NaN, df1, df2, sumV / m);
    }

    private static double Percent(double logRatio) => 100 * SpecialFunctions.Expm1(logRatio);
}
