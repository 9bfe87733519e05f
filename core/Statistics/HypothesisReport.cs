using ReproSpecs.Harness.Records;
using ReproSpecs.Harness.Statistics;

namespace ReproSpecs.Harness.Statistics;

/// <summary>
/// The verdicts of one hypothesis family (one architecture's H1/H2/H4, or H3 across architectures), as
/// the specs write them to <c>&lt;results&gt;/&lt;profile&gt;/hypotheses/&lt;family&gt;.json</c> for the report.
/// </summary>
public sealed record HypothesisReport
{
    /// <summary>Profile of the cells.</summary>
    public required string Profile { get; init; }
    /// <summary>Family name: an architecture (its H1, H2, H4) or <c>H3</c>.</summary>
    public required string Family { get; init; }
    /// <summary>Family-wise level.</summary>
    public required double Alpha { get; init; }
    /// <summary>Every hypothesis of the family, decided together (Holm–Bonferroni).</summary>
    public required IReadOnlyList<HypothesisVerdict> Verdicts { get; init; }
    /// <summary>The cells the verdicts rest on: label → config hash.</summary>
    public required IReadOnlyDictionary<string, string> Cells { get; init; }
    /// <summary>Where and with what the verdicts were computed.</summary>
    public required Provenance Provenance { get; init; }
}
