using ReproSpecs.Harness.Records;
using ReproSpecs.Harness.Statistics;

namespace ReproSpecs.Harness.Statistics;

/// <summary>
/// The verdicts of one group of hypotheses (one architecture's H1/H2/H4, or H3 and H3[contrast] across
/// architectures), as the specs write them to <c>&lt;results&gt;/&lt;profile&gt;/hypotheses/&lt;family&gt;.json</c>
/// for the report. The Holm family they were decided in is the whole spec run's (<see cref="FamilySize"/>,
/// <see cref="FamilyMembers"/>); the two optional fields keep files of schema 1 written before them readable.
/// </summary>
public sealed record HypothesisReport
{
    /// <summary>Profile of the cells.</summary>
    public required string Profile { get; init; }
    /// <summary>Family name: an architecture (its H1, H2, H4) or <c>H3</c>.</summary>
    public required string Family { get; init; }
    /// <summary>Family-wise level.</summary>
    public required double Alpha { get; init; }
    /// <summary>
    /// This file's hypotheses (one architecture's, or H3's), decided within the Holm family described by
    /// <see cref="FamilySize"/> and <see cref="FamilyMembers"/> (the whole run's family, which may span files).
    /// </summary>
    public required IReadOnlyList<HypothesisVerdict> Verdicts { get; init; }
    /// <summary>
    /// Size m of the Holm family the verdicts were decided in: every verdict of the spec run, across files.
    /// Null in files written before study-wide families (then the family was this file alone).
    /// </summary>
    public int? FamilySize { get; init; }
    /// <summary>Ids of every hypothesis of that family, so a report can tell which files belong to one family and re-adjust over all it has. Null in older files.</summary>
    public IReadOnlyList<string>? FamilyMembers { get; init; }
    /// <summary>Which weights of each trial the verdicts were decided on; null in older files (the final weights).</summary>
    public ScoredWeights? Weights { get; init; }
    /// <summary>The cells the verdicts rest on: label → config hash.</summary>
    public required IReadOnlyDictionary<string, string> Cells { get; init; }
    /// <summary>Where and with what the verdicts were computed.</summary>
    public required Provenance Provenance { get; init; }
}
