namespace ReproSpecs.Harness.Statistics;

/// <summary>
/// Holm's step-down Bonferroni procedure: controls the family-wise error rate (the chance of any false
/// rejection in the family) at α under any dependence between the tests, which matters here because
/// tests of one architecture share the baseline cell and the seeds. With p-values sorted ascending
/// p₍₁₎ ≤ … ≤ p₍ₘ₎, the adjusted value is p̃₍ᵢ₎ = max_{j ≤ i} min(1, (m − j + 1)·p₍ⱼ₎), and hypothesis i is
/// rejected when p̃ᵢ ≤ α (equivalently: step down while p₍ᵢ₎ ≤ α/(m − i + 1)).
/// </summary>
public static class HolmBonferroni
{
    /// <summary>Holm-adjusted p-values, in the order given.</summary>
    public static IReadOnlyList<double> Adjust(IReadOnlyList<double> pValues)
    {
        int m = pValues.Count;
        if (pValues.Any(p => double.IsNaN(p) || p < 0 || p > 1))
            throw new ArgumentException("every p-value must lie in [0, 1]", nameof(pValues));
        var order = Enumerable.Range(0, m).OrderBy(i => pValues[i]).ThenBy(i => i).ToArray();
        var adjusted = new double[m];
        double running = 0;
        for (int rank = 0; rank < m; rank++)
        {
            int i = order[rank];
            running = Math.Max(running, Math.Min(1, (m - rank) * pValues[i]));
            adjusted[i] = running;
        }
        return adjusted;
    }

    /// <summary>Which hypotheses Holm rejects at family-wise level <paramref name="alpha"/>.</summary>
    public static IReadOnlyList<bool> Reject(IReadOnlyList<double> pValues, double alpha = 0.05) =>
        Adjust(pValues).Select(p => p <= alpha).ToArray();
}
