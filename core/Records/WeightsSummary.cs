using ReproSpecs.Harness.Metrics;

namespace ReproSpecs.Harness.Records;

/// <summary>Per-trial and per-pair figures of one set of weights (last or best), summarised over the cell.</summary>
/// <param name="Loss">Evaluation-context loss per trial.</param>
/// <param name="Accuracy">Evaluation-context top-1 accuracy per trial.</param>
/// <param name="RelativePd">Relative PD per pair.</param>
/// <param name="ElementWisePd">Element-wise PD per pair.</param>
/// <param name="TargetPd">Target PD per pair.</param>
/// <param name="Top1Disagreement">Top-1 disagreement per pair.</param>
public sealed record WeightsSummary(Summary Loss, Summary Accuracy, Summary RelativePd, Summary ElementWisePd, Summary TargetPd, Summary Top1Disagreement);
