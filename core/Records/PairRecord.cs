namespace ReproSpecs.Harness.Records;

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
