namespace ReproSpecs.Harness.Statistics;

/// <summary>
/// Decides a family of hypotheses together: Holm–Bonferroni over the family's p-values, then the verdict
/// mapping. The family is every verdict one report (or one spec run) decides — all architectures' H1, H2, H4
/// plus H3 and H3[contrast] (<see cref="StudyHypotheses.ForStudy"/>; docs/statistics.md) — so the chance that
/// it reports any false "supported" or "contradicted" is at most α.
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

    /// <summary>
    /// Re-decides verdicts that were decided in smaller families (shards of a study, runs filtered to one
    /// architecture) as one study-wide family: Holm over the union of their unadjusted p-values. A report that
    /// merges shards calls this over everything it has, so its family-wise error is controlled over what it shows.
    /// The same id twice must carry the same comparison (the same verdict read from two copies of one file).
    /// </summary>
    /// <exception cref="ReproSpecsException">One id with two different comparisons.</exception>
    public static IReadOnlyList<HypothesisVerdict> Readjust(IEnumerable<HypothesisVerdict> verdicts, double alpha = 0.05)
    {
        var unique = new List<Hypothesis>();
        foreach (var group in verdicts.Select(v => v.Hypothesis).GroupBy(h => h.Id))
        {
            var first = group.First();
            if (group.Any(h => h.Comparison != first.Comparison))
                throw new ReproSpecsException($"hypothesis '{group.Key}' appears twice with different comparisons (two runs of one cell?); keep one results folder per cell.");
            unique.Add(first);
        }
        return Decide(unique, alpha);
    }
}
