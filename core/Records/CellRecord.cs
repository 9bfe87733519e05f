using ReproSpecs.Harness.Metrics;

namespace ReproSpecs.Harness.Records;

/// <summary>Disagreement metrics of one pair of trials (see <see cref="PredictionDisagreement"/>).</summary>
/// <param name="RelativePd">Relative PD, global form (= mean total-variation distance).</param>
/// <param name="ElementWisePd">Element-wise relative PD (guarded).</param>
/// <param name="TargetPd">Relative PD of the true next character's probability.</param>
/// <param name="Top1Disagreement">Fraction of contexts with different argmax.</param>
public sealed record PairMetrics(double RelativePd, double ElementWisePd, double TargetPd, double Top1Disagreement)
{
    /// <summary>Computes all four metrics for two N×V probability matrices.</summary>
    public static PairMetrics Compute(float[] a, float[] b, IReadOnlyList<int> targets, int vocabSize) => new(
        PredictionDisagreement.Relative(a, b),
        PredictionDisagreement.ElementWise(a, b),
        PredictionDisagreement.Target(a, b, targets, vocabSize),
        PredictionDisagreement.Top1(a, b, vocabSize));
}

/// <summary>Metrics of a pair of trials, for the final and the best-validation weights.</summary>
/// <param name="TrialA">Index of the first trial.</param>
/// <param name="TrialB">Index of the second trial.</param>
/// <param name="Last">Final weights.</param>
/// <param name="Best">Best-validation weights.</param>
/// <param name="AsCodedRelativePd">
/// Relative PD of the final weights under the study's protocol (each trial on its own fresh windows,
/// <see cref="EvaluationProtocol.AsCoded"/>); null in results before compute version 3.
/// </param>
public sealed record PairRecord(int TrialA, int TrialB, PairMetrics Last, PairMetrics Best, double? AsCodedRelativePd = null);

/// <summary>Per-trial and per-pair figures of one set of weights (last or best), summarised over the cell.</summary>
/// <param name="Loss">Evaluation-context loss per trial.</param>
/// <param name="Accuracy">Evaluation-context top-1 accuracy per trial.</param>
/// <param name="RelativePd">Relative PD per pair.</param>
/// <param name="ElementWisePd">Element-wise PD per pair.</param>
/// <param name="TargetPd">Target PD per pair.</param>
/// <param name="Top1Disagreement">Top-1 disagreement per pair.</param>
public sealed record WeightsSummary(Summary Loss, Summary Accuracy, Summary RelativePd, Summary ElementWisePd, Summary TargetPd, Summary Top1Disagreement);

/// <summary>The cell's headline numbers.</summary>
/// <param name="CompletedTrials">Trials that trained to the end.</param>
/// <param name="DivergedTrials">Trials stopped by a non-finite loss (never part of the figures).</param>
/// <param name="Last">Figures of the final weights (null with fewer than two completed trials).</param>
/// <param name="Best">Figures of the best-validation weights.</param>
/// <param name="FinalValLoss">Periodic validation loss at the last step, per completed trial.</param>
/// <param name="AsCodedRelativePd">Relative PD per pair under the study's as-coded protocol (final weights); null before compute version 3.</param>
/// <param name="Overfit">Whether the trials overfit (last validation loss above the best by the config's margin); null before compute version 3.</param>
public sealed record CellSummary(int CompletedTrials, int DivergedTrials, WeightsSummary? Last, WeightsSummary? Best, Summary? FinalValLoss,
    Summary? AsCodedRelativePd = null, OverfitSummary? Overfit = null);

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
