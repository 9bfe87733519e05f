using ReproSpecs.Harness.Records;
using ReproSpecs.Harness.Results;
using ReproSpecs.Harness.Statistics;

namespace ReproSpecs.Harness.Cells;

/// <summary>
/// Writes a run's decision for the report: one hypothesis file per planned architecture (its H1, H2, H4) and one
/// for H3, each recording the whole family's size and members so a report that merges runs can re-adjust.
/// </summary>
public static class StudyDecisionFiles
{
    /// <summary>The file name of the H3 family.</summary>
    public const string H3Family = "H3";

    /// <summary>Writes <paramref name="decision"/> into <paramref name="store"/>.</summary>
    public static void Save(ResultStore store, StudyDecision decision, IReadOnlyList<string> architectures, bool includeH3,
        string profile, double alpha, ScoredWeights weights, Provenance provenance)
    {
        var members = decision.Verdicts.Select(v => v.Hypothesis.Id).ToList();
        void Save(string family, IReadOnlyList<HypothesisVerdict> verdicts, IEnumerable<CellResult> cells)
        {
            if (verdicts.Count == 0) return;
            store.SaveHypotheses(new HypothesisReport
            {
                Profile = profile,
                Family = family,
                Alpha = alpha,
                Weights = weights,
                Verdicts = verdicts,
                FamilySize = members.Count,
                FamilyMembers = members,
                Cells = cells.ToDictionary(c => c.Record.Config.Label, c => c.Record.ConfigHash),
                Provenance = provenance,
            });
        }
        IEnumerable<CellResult> CellsOf(string model) => decision.Cells.Where(c => c.Key.StartsWith(model + "/", StringComparison.Ordinal)).Select(c => c.Value);
        foreach (var m in architectures)
            Save(m, decision.Verdicts.Where(v => v.Hypothesis.Id.StartsWith(m + "/", StringComparison.Ordinal)).ToList(), CellsOf(m));
        if (includeH3)
            Save(H3Family, decision.Verdicts.Where(v => !v.Hypothesis.Id.Contains('/')).ToList(), decision.Cells.Values);
    }
}
