using ReproSpecs.Harness.Metrics;
using ReproSpecs.Harness.Results;

namespace ReproSpecs.Reports.Store;

/// <summary>One arm of the seed-source ablation: which sources of randomness differed between the trials.</summary>
/// <param name="Arm">Arm name: <c>init-only</c>, <c>data-only</c>, <c>dropout-only</c>, <c>all</c> or <c>same-seed</c> (others are shown too).</param>
/// <param name="RelativePd">Relative PD over the arm's pairs of trials.</param>
/// <param name="Top1Disagreement">Top-1 disagreement over the same pairs, when recorded.</param>
/// <param name="Note">Anything the spec wants the reader to know (e.g. "exactly 0 on CPU, as required").</param>
public sealed record AblationArm(string Arm, Summary RelativePd, Summary? Top1Disagreement = null, string? Note = null);

/// <summary>
/// The seed-source ablation of one cell as the ablation spec writes it: a sealed JSON file
/// (<see cref="SealedJson"/>) under <c>&lt;results&gt;/&lt;profile&gt;/ablation/</c>, one file per cell.
/// Defined here until the harness owns it (issue 4); the report renders whatever files exist.
/// </summary>
public sealed record AblationRecord
{
    /// <summary>Folder (under a profile's folder) that holds the ablation files.</summary>
    public const string FolderName = "ablation";

    /// <summary>The arms in the order reports show them; unknown arms follow, sorted by name.</summary>
    public static readonly IReadOnlyList<string> ArmOrder = ["init-only", "data-only", "dropout-only", "all", "same-seed"];

    /// <summary>Profile.</summary>
    public required string Profile { get; init; }
    /// <summary>Architecture.</summary>
    public required string Model { get; init; }
    /// <summary>Activation.</summary>
    public required string Activation { get; init; }
    /// <summary>Trials per arm.</summary>
    public required int Trials { get; init; }
    /// <summary>Hash of the cell config the arms were trained under.</summary>
    public string? ConfigHash { get; init; }
    /// <summary>The arms.</summary>
    public required IReadOnlyList<AblationArm> Arms { get; init; }
}
