using ReproSpecs.Harness.Metrics;

namespace ReproSpecs.Harness.Records;

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
