namespace ReproSpecs.Harness.Metrics;

/// <summary>
/// Disagreement between two trials' next-character distributions on the same N contexts. Each input is
/// a row-major N×V matrix of probabilities (rows sum to 1). All sums run in double precision.
/// </summary>
public static class PredictionDisagreement
{
    /// <summary>
    /// <b>Relative PD</b> (the study's headline metric), global form:
    /// <code>
    ///   RelPD(P_i, P_j) = mean|P_i − P_j| / (mean P_i + mean P_j)
    /// </code>
    /// with means over all N·V entries. Because every row sums to 1, mean P = 1/V and this equals the
    /// mean total-variation distance ½·‖p_i(n) − p_j(n)‖₁ over contexts; it lies in [0, 1].
    /// </summary>
    public static double Relative(ReadOnlySpan<float> pi, ReadOnlySpan<float> pj)
    {
        RequireSameShape(pi, pj);
        double absDiff = 0, sumI = 0, sumJ = 0;
        for (int k = 0; k < pi.Length; k++)
        {
            absDiff += Math.Abs((double)pi[k] - pj[k]);
            sumI += pi[k];
            sumJ += pj[k];
        }
        double denominator = sumI + sumJ;
        return denominator == 0 ? 0 : absDiff / denominator; // the 1/(N·V) factors cancel
    }

    /// <summary>Mean total-variation distance ½·Σ_v |p_i(n,v) − p_j(n,v)| over the N contexts (equals <see cref="Relative"/>).</summary>
    public static double MeanTotalVariation(ReadOnlySpan<float> pi, ReadOnlySpan<float> pj, int vocabSize)
    {
        RequireSameShape(pi, pj);
        int n = pi.Length / vocabSize;
        double total = 0;
        for (int k = 0; k < pi.Length; k++) total += Math.Abs((double)pi[k] - pj[k]);
        return n == 0 ? 0 : 0.5 * total / n;
    }

    /// <summary>
    /// <b>Element-wise PD</b> (Shamir et al.'s relative form): the mean over all N·V entries of
    /// <c>2|p_i − p_j| / (p_i + p_j)</c>, where an entry with <c>p_i = p_j = 0</c> counts as 0 (no disagreement).
    /// In [0, 2]; dominated by rare characters, which is why the study headlines the global form.
    /// </summary>
    public static double ElementWise(ReadOnlySpan<float> pi, ReadOnlySpan<float> pj)
    {
        RequireSameShape(pi, pj);
        double total = 0;
        for (int k = 0; k < pi.Length; k++)
        {
            double a = pi[k], b = pj[k], s = a + b;
            if (s > 0) total += 2 * Math.Abs(a - b) / s;
        }
        return pi.Length == 0 ? 0 : total / pi.Length;
    }

    /// <summary>
    /// <b>Target PD</b>: Relative PD restricted to the probability of the true next character,
    /// <c>Σ_n |p_i(y_n) − p_j(y_n)| / Σ_n (p_i(y_n) + p_j(y_n))</c>, in [0, 1]. It measures disagreement
    /// on what matters for the loss rather than on the whole distribution.
    /// </summary>
    public static double Target(ReadOnlySpan<float> pi, ReadOnlySpan<float> pj, IReadOnlyList<int> targets, int vocabSize)
    {
        RequireSameShape(pi, pj);
        if (targets.Count * vocabSize != pi.Length)
            throw new ArgumentException($"{targets.Count} targets do not match {pi.Length / vocabSize} contexts");
        double absDiff = 0, sum = 0;
        for (int n = 0; n < targets.Count; n++)
        {
            int k = n * vocabSize + targets[n];
            absDiff += Math.Abs((double)pi[k] - pj[k]);
            sum += (double)pi[k] + pj[k];
        }
        return sum == 0 ? 0 : absDiff / sum;
    }

    /// <summary>
    /// <b>Top-1 disagreement</b> (churn): the fraction of contexts whose most probable character differs
    /// (ties go to the lowest token id in both trials).
    /// </summary>
    public static double Top1(ReadOnlySpan<float> pi, ReadOnlySpan<float> pj, int vocabSize)
    {
        RequireSameShape(pi, pj);
        int n = pi.Length / vocabSize, differ = 0;
        for (int r = 0; r < n; r++)
            if (ArgMax(pi.Slice(r * vocabSize, vocabSize)) != ArgMax(pj.Slice(r * vocabSize, vocabSize))) differ++;
        return n == 0 ? 0 : (double)differ / n;
    }

    /// <summary>Index of the largest entry (the first one on ties).</summary>
    public static int ArgMax(ReadOnlySpan<float> row)
    {
        int best = 0;
        for (int v = 1; v < row.Length; v++)
            if (row[v] > row[best]) best = v;
        return best;
    }

    private static void RequireSameShape(ReadOnlySpan<float> pi, ReadOnlySpan<float> pj)
    {
        if (pi.Length != pj.Length)
            throw new ArgumentException($"probability matrices differ in size ({pi.Length} vs {pj.Length}): trials must be scored on the same contexts");
    }
}
