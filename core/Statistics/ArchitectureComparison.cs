using MathNet.Numerics;

namespace ReproSpecs.Harness.Statistics;

/// <summary>
/// H3: does the smooth-vs-baseline effect on Relative PD differ between two groups of architectures
/// (transformers vs recurrent models)? Each architecture's effect is its pooled log ratio L_m (see
/// <see cref="RelativePdComparison.Pooled"/>); the contrast is mean_{m∈A} L_m − mean_{m∈B} L_m, and
/// 100·(e^contrast − 1) is how much lower (negative) group A's PD ratio is than group B's.
/// </summary>
public static class ArchitectureComparison
{
    private const string BetweenMethod = "pooled two-sample t test on per-architecture log PD ratios (architectures are the units); t(n_A + n_B − 2)";
    private const string ConditionalMethod = "difference of group-mean log PD ratios; leave-one-seed-out jackknife over every cell of every architecture; t(K−1)";

    /// <summary>
    /// The test H3's verdict uses. The architectures are the units: the claim is about families
    /// ("transformers gain, recurrent models barely move"), and with 3 + 2 architectures the evidence for
    /// a family-level difference is limited by how much the architectures differ among themselves, however
    /// many trials each has. The per-architecture estimates already carry their own trial noise, so the
    /// spread within each group covers both architecture-to-architecture and trial-to-trial variation; the
    /// pooled-variance t with n_A + n_B − 2 (= 3) degrees of freedom then accounts for the few architectures.
    /// Welch's version was not chosen: with groups of 2 and 3 its estimated degrees of freedom fall towards
    /// 1 and are themselves unstable. Seeds shared across architectures induce a common correlation between
    /// the L_m, which cancels in both the contrast and the within-group spread. The trials-needed figure is
    /// here <i>architectures per group</i>, because more trials shrink only the trial-noise part.
    /// </summary>
    /// <param name="groupA">Per-architecture pooled comparisons of group A (log-ratio scale).</param>
    /// <param name="groupB">Per-architecture pooled comparisons of group B.</param>
    /// <param name="alpha">Test level.</param>
    /// <param name="label">Label of the result.</param>
    public static ComparisonResult BetweenArchitectures(IReadOnlyList<ComparisonResult> groupA, IReadOnlyList<ComparisonResult> groupB,
        double alpha = 0.05, string label = "H3: transformers vs recurrent, smooth-vs-ReLU Relative PD ratio")
    {
        if (groupA.Concat(groupB).Any(c => c.Scale != EffectScale.LogRatio))
            throw new ReproSpecsException($"{label}: per-architecture effects must be Relative PD log ratios (from RelativePdComparison).");
        return BetweenArchitectures(groupA.Select(c => c.Estimate).ToArray(), groupB.Select(c => c.Estimate).ToArray(), alpha, label);
    }

    /// <summary>The between-architecture test on per-architecture log ratios (see the other overload).</summary>
    public static ComparisonResult BetweenArchitectures(IReadOnlyList<double> logRatiosA, IReadOnlyList<double> logRatiosB, double alpha, string label)
    {
        int na = logRatiosA.Count, nb = logRatiosB.Count;
        if (na < 1 || nb < 1 || na + nb < 3)
            throw new ReproSpecsException($"{label}: {na} + {nb} architectures; the between-architecture test needs at least one per group and three in all.");
        double ma = logRatiosA.Average(), mb = logRatiosB.Average(), diff = ma - mb;
        double ss = logRatiosA.Sum(x => (x - ma) * (x - ma)) + logRatiosB.Sum(x => (x - mb) * (x - mb));
        double df = na + nb - 2, sp = TTest.Floor(Math.Sqrt(ss / df), 1); // log scale: 1e-10 is rounding
        double se = sp * Math.Sqrt(1.0 / na + 1.0 / nb), level = 1 - alpha;
        double half = TTest.HalfWidth(se, df, level);
        int? needed = sp > 0 ? TTestPower.TwoSampleUnitsPerGroup(diff / sp, alpha, 2) : null;
        return new ComparisonResult(label, BetweenMethod, EffectScale.LogRatio, Math.Exp(ma), Math.Exp(mb), diff, se, df,
            TTest.TwoSidedP(diff, se, df), Percent(diff), Percent(diff - half), Percent(diff + half), level, na + nb,
            "architectures", needed,
            (TTest.DegenerateReason(se, df, "the architectures within each group") is { } degenerate ? $"Not decidable: {degenerate}. " : "") +
            $"ValueA/ValueB are the groups' geometric-mean PD ratios (smooth/baseline); {na} vs {nb} architectures; the power figure counts architectures per group.");
    }

    /// <summary>
    /// The same contrast conditional on these particular architectures: only trial noise is uncertain, and
    /// the seed jackknife leaves seed k out of every cell of every architecture at once (the seeds are shared
    /// across activations and architectures alike). It answers "do these five models differ?", a narrower
    /// question than the family-level claim, so it is reported alongside, not used for the verdict.
    /// </summary>
    public static ComparisonResult Conditional(IReadOnlyList<ArchitectureCells> groupA, IReadOnlyList<ArchitectureCells> groupB,
        double alpha = 0.05, string label = "H3 (these architectures): transformers vs recurrent, smooth-vs-ReLU Relative PD ratio")
    {
        if (groupA.Count == 0 || groupB.Count == 0)
            throw new ReproSpecsException($"{label}: each group needs at least one architecture.");
        if (groupA.Concat(groupB).Any(g => g.Smooth.Count == 0))
            throw new ReproSpecsException($"{label}: every architecture needs at least one smooth cell.");
        var archs = groupA.Concat(groupB).ToList();
        var cells = new List<CellSample>();
        var offsets = new List<int>();
        foreach (var arch in archs)
        {
            offsets.Add(cells.Count);
            cells.AddRange(arch.Smooth);
            cells.Add(arch.Baseline);
        }
        var aligned = SeedAlignment.Of(cells);
        double ArchLog(int m, IReadOnlyList<int> units)
        {
            int start = offsets[m], r = archs[m].Smooth.Count;
            double sum = 0;
            for (int c = 0; c < r; c++) sum += RelativePdComparison.LogMean(aligned, start + c, units);
            return sum / r - RelativePdComparison.LogMean(aligned, start + r, units);
        }
        double GroupMean(int from, int count, IReadOnlyList<int> units) =>
            Enumerable.Range(from, count).Average(m => ArchLog(m, units));
        return RelativePdComparison.Run(aligned, label, ConditionalMethod, alpha,
            units => GroupMean(0, groupA.Count, units) - GroupMean(groupA.Count, groupB.Count, units),
            units => Math.Exp(GroupMean(groupA.Count, groupB.Count, units)));
    }

    private static double Percent(double logRatio) => 100 * SpecialFunctions.Expm1(logRatio);
}
