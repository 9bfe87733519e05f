using ReproSpecs.Harness.Records;
using ReproSpecs.Harness.Sharding;
using ReproSpecs.Harness.Statistics;

namespace ReproSpecs.Harness.Cells;

/// <summary>What a merge of shards computed from its trials.</summary>
/// <param name="Trials">The trials found (and missing).</param>
/// <param name="Cells">The cells whose trials were all present, computed from their saved probabilities, in plan order.</param>
/// <param name="Verdicts">The hypotheses decided: those of every architecture whose cells are all present; when all are, the report's verdicts (H3 included).</param>
/// <param name="Undecided">Architectures of the plan whose hypotheses were not decided because a cell of theirs lacks trials.</param>
/// <param name="H3Planned">Whether the plan has two or more architectures, so H3 is decided once all are complete.</param>
/// <param name="H3Decided">Whether H3 and H3[contrast] were in the family.</param>
public sealed record MergeResult(MergedTrials Trials, IReadOnlyList<CellResult> Cells, IReadOnlyList<HypothesisVerdict> Verdicts,
    IReadOnlyList<string> Undecided, bool H3Planned, bool H3Decided);
