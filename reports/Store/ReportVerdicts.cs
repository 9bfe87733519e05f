using ReproSpecs.Harness.Records;
using ReproSpecs.Harness.Statistics;

namespace ReproSpecs.Reports.Store;

/// <summary>The verdicts a report stands behind, per profile (<see cref="MergedVerdicts"/>), shared by its hypotheses table and its gate.</summary>
public static class ReportVerdicts
{
    /// <summary>
    /// The re-adjusted verdicts of <paramref name="profile"/>, or null when its files were decided at different
    /// family-wise levels or on different weights (then they cannot be merged honestly and are shown as each run decided them).
    /// </summary>
    public static IReadOnlyList<HypothesisVerdict>? Of(ResultsCatalog catalog, string profile)
    {
        var files = catalog.GoodHypotheses.Select(h => h.Value!).Where(h => h.Profile == profile).ToList();
        var alphas = files.Select(f => f.Alpha).Distinct().ToList();
        var weights = Weights(files);
        if (alphas.Count != 1 || weights.Count != 1) return null;
        // Sequential verdicts rest on boundaries of their own run's family: files of several runs (different members)
        // cannot be merged after the fact, so each is shown as its run decided it.
        if (files.Any(f => f.Verdicts.Any(v => v.Sequential is not null))
            && files.Select(f => string.Join(",", f.FamilyMembers ?? f.Verdicts.Select(v => v.Hypothesis.Id).ToList())).Distinct().Count() > 1) return null;
        return MergedVerdicts.Of(files, catalog.GoodCells.Where(c => c.Config.Profile == profile).ToList(), alphas[0], weights[0]);
    }

    /// <summary>The weights the files were decided on (older files: the final weights).</summary>
    public static IReadOnlyList<ScoredWeights> Weights(IEnumerable<HypothesisReport> files) =>
        files.Select(f => f.Weights ?? ScoredWeights.Last).Distinct().Order().ToList();

    /// <summary>
    /// Every contradicted verdict of the report, as <c>profile: id</c>: of the merged family where the files can be
    /// merged, else as each file recorded it (so files that cannot be merged never hide a contradiction from the gate).
    /// </summary>
    public static IReadOnlyList<string> Contradicted(ResultsCatalog catalog) =>
        catalog.GoodHypotheses.Select(h => h.Value!.Profile).Distinct().Order(StudyOrder.Profiles)
            .SelectMany(p => (Of(catalog, p) ?? catalog.GoodHypotheses.Where(h => h.Value!.Profile == p).SelectMany(h => h.Value!.Verdicts).ToList())
                .Where(v => v.Verdict == Verdict.Contradicted).Select(v => $"{p}: {v.Hypothesis.Id}").Distinct())
            .ToList();
}
