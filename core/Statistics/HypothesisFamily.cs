namespace ReproSpecs.Harness.Statistics;

/// <summary>
/// Decides a family of hypotheses together: Holm–Bonferroni over the family's p-values, then the
/// verdict mapping. The family is every hypothesis whose verdict one run reports (see docs/statistics.md),
/// so the chance that a run reports any false "supported" or "contradicted" is at most α.
/// </summary>
public static class HypothesisFamily
{
    /// <summary>Decides every hypothesis of <paramref name="family"/> at family-wise level <paramref name="alpha"/>.</summary>
    public static IReadOnlyList<HypothesisVerdict> Decide(IReadOnlyList<Hypothesis> family, double alpha = 0.05)
    {
        if (family.Select(h => h.Id).Distinct().Count() != family.Count)
            throw new ReproSpecsException("two hypotheses of the family share an id; give each its own.");
        var adjusted = HolmBonferroni.Adjust(family.Select(h => h.Comparison.PValue).ToArray());
        return family.Select((h, i) =>
        {
            var verdict = VerdictMapping.Decide(h.Comparison, h.Direction, adjusted[i], alpha);
            return new HypothesisVerdict(h, adjusted[i], family.Count, alpha, verdict, VerdictMapping.Message(h, verdict, adjusted[i], family.Count));
        }).ToArray();
    }
}
