using System.Text.Json.Serialization;
using ReproSpecs.Harness.Results;

namespace ReproSpecs.Reports.Store;

/// <summary>How a hypothesis test came out.</summary>
public enum VerdictKind
{
    /// <summary>Significant (after Holm) in the direction the study claims.</summary>
    Supported,
    /// <summary>Significant in the opposite direction.</summary>
    Contradicted,
    /// <summary>Not significant: more trials are needed to decide.</summary>
    Inconclusive,
}

/// <summary>
/// One hypothesis verdict (H1–H4) as the hypothesis specs write it: a sealed JSON file
/// (<see cref="SealedJson"/>) under <c>&lt;results&gt;/&lt;profile&gt;/hypotheses/</c>, one file per
/// comparison. Defined here until the harness owns it (issue 4); the report reads whatever files exist.
/// </summary>
public sealed record HypothesisVerdict
{
    /// <summary>Folder (under a profile's folder) that holds the verdict files.</summary>
    public const string FolderName = "hypotheses";

    /// <summary>Profile whose cells were compared.</summary>
    public required string Profile { get; init; }
    /// <summary>Hypothesis id: <c>H1</c> … <c>H4</c>.</summary>
    public required string Hypothesis { get; init; }
    /// <summary>Architecture the comparison is about, or <c>all</c> (H3).</summary>
    public required string Architecture { get; init; }
    /// <summary>What was compared, e.g. <c>gelu vs relu</c> or <c>smooth (pooled) vs relu</c>.</summary>
    public required string Comparison { get; init; }
    /// <summary>Effect: relative difference of the compared means, in percent.</summary>
    public required double EffectPercent { get; init; }
    /// <summary>Lower end of the effect's confidence interval, in percent.</summary>
    public required double CiLowPercent { get; init; }
    /// <summary>Upper end of the effect's confidence interval, in percent.</summary>
    public required double CiHighPercent { get; init; }
    /// <summary>Confidence level of the interval (e.g. 0.95).</summary>
    public double ConfidenceLevel { get; init; } = 0.95;
    /// <summary>Unadjusted p-value.</summary>
    public required double P { get; init; }
    /// <summary>Holm–Bonferroni adjusted p-value within the run's hypothesis family.</summary>
    public required double PHolm { get; init; }
    /// <summary>The decision.</summary>
    public required VerdictKind Verdict { get; init; }
    /// <summary>Trials per cell the comparison used.</summary>
    public required int Trials { get; init; }
    /// <summary>Trials per cell that 80 % power would need for the observed effect (null when not computable).</summary>
    [JsonPropertyName("trials_for_80_percent_power")]
    public int? TrialsFor80PercentPower { get; init; }
    /// <summary>Name of the statistical test (e.g. <c>paired trial-level permutation</c>).</summary>
    public string? Test { get; init; }
    /// <summary>The spec's message (why it passed, failed or was skipped).</summary>
    public string? Message { get; init; }
}
