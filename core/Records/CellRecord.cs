using ReproSpecs.Harness.Metrics;

namespace ReproSpecs.Harness.Records;

/// <summary>Everything about one cell: <c>cell.json</c>.</summary>
public sealed record CellRecord
{
    /// <summary>The config (its hash keys the folder).</summary>
    public required CellConfig Config { get; init; }
    /// <summary>Which seed sources varied between the trials (the study's cells: all of them).</summary>
    public SeedArm Arm { get; init; } = SeedArm.All;
    /// <summary>
    /// What the cell's activation is (display name, formula, flags) as registered when it ran, so a report renders it
    /// without the registry (null in files written before this was recorded).
    /// </summary>
    public Design.ActivationInfo? ActivationInfo { get; init; }
    /// <summary>What the cell's architecture is (display name, family) as registered when it ran (null in older files).</summary>
    public Design.ArchitectureInfo? ArchitectureInfo { get; init; }
    /// <summary>
    /// Why the cell fails its own validity checks (diverged, did not learn, degenerate; <c>CellValidity</c>), empty when it
    /// passes; null in older files. A verdict that needs an invalid cell is never decided on it.
    /// </summary>
    public IReadOnlyList<string>? ValidityProblems { get; init; }
    /// <summary>SHA-256 of <see cref="Config"/>.</summary>
    public required string ConfigHash { get; init; }
    /// <summary>Fingerprint of the evaluation contexts every trial was scored on.</summary>
    public required string EvalFingerprint { get; init; }
    /// <summary>Where and with what the numbers were produced.</summary>
    public required Provenance Provenance { get; init; }
    /// <summary>Every trial, diverged ones included.</summary>
    public required IReadOnlyList<TrialRecord> Trials { get; init; }
    /// <summary>Every pair of completed trials.</summary>
    public required IReadOnlyList<PairRecord> Pairs { get; init; }
    /// <summary>Summary figures.</summary>
    public required CellSummary Summary { get; init; }
}
