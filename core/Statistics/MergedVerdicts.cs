using ReproSpecs.Harness.Records;

namespace ReproSpecs.Harness.Statistics;

/// <summary>
/// The verdicts one report (or one merge of shards) stands behind: every verdict its files recorded, plus H3 and
/// H3[contrast] decided from the merged cells when no file decided them (a run sharded by architecture never can),
/// all re-adjusted as one Holm family, so the chance that the report shows any false verdict is at most α.
/// </summary>
public static class MergedVerdicts
{
    /// <summary>The re-adjusted verdicts of one profile.</summary>
    /// <param name="files">The profile's hypothesis files (one per family, from any number of shards).</param>
    /// <param name="cells">The profile's cells (study arm), from any number of shards.</param>
    /// <param name="alpha">The family-wise level; the files must share it.</param>
    /// <param name="weights">The weights the files were decided on; H3 is decided on the same.</param>
    public static IReadOnlyList<HypothesisVerdict> Of(IReadOnlyList<HypothesisReport> files, IReadOnlyList<CellRecord> cells, double alpha,
        ScoredWeights weights = ScoredWeights.Last)
    {
        var recorded = files.SelectMany(f => f.Verdicts).ToList();
        // A sequential design's verdicts rest on boundaries fixed for its own family and on where each look stopped;
        // they cannot be re-adjusted afterwards, so they stand as the run decided them.
        if (recorded.Any(v => v.Sequential is not null)) return recorded.DistinctBy(v => v.Hypothesis.Id).ToList();
        var ids = recorded.Select(v => v.Hypothesis.Id).ToHashSet();
        var samples = cells.Where(c => c.Arm == SeedArm.All)
            .GroupBy(c => c.Config.Model)
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, CellSample>)g.ToDictionary(c => c.Config.Activation, c => CellSample.FromCellRecord(c, bestWeights: weights == ScoredWeights.Best)));
        var added = new List<Hypothesis>();
        if (!ids.Contains("H3") && StudyHypotheses.H3(samples, alpha) is { } h3) added.Add(h3);
        if (!ids.Contains("H3[contrast]") && StudyHypotheses.H3Contrast(samples, alpha) is { } contrast) added.Add(contrast);
        var all = added.Count == 0 ? recorded : recorded.Concat(HypothesisFamily.Decide(added, alpha));
        return HypothesisFamily.Readjust(all, alpha);
    }
}
