using ReproSpecs.Harness.Records;
using ReproSpecs.Harness.Statistics;

namespace ReproSpecs.Harness.Cells;

/// <summary>What a run decided: the verdicts (one family), the cells they rest on at their final trial counts, and the sequential design's outcome when there was one.</summary>
/// <param name="Verdicts">Every verdict of the run's family.</param>
/// <param name="Cells">Each cell (<c>model/activation</c>) at the trials it reached.</param>
/// <param name="Sequential">The sequential outcome, or null for a fixed number of trials.</param>
public sealed record StudyDecision(IReadOnlyList<HypothesisVerdict> Verdicts, IReadOnlyDictionary<string, CellResult> Cells, SequentialOutcome? Sequential);
