namespace ReproSpecs.Harness.Statistics;

/// <summary>What a sequential study decided, and how many trials each cell took.</summary>
/// <param name="Options">The design.</param>
/// <param name="Verdicts">Every hypothesis's verdict with its stopping history.</param>
/// <param name="TrialsPerCell">Trials each cell (<c>model/activation</c>) reached.</param>
public sealed record SequentialOutcome(SequentialOptions Options, IReadOnlyList<HypothesisVerdict> Verdicts, IReadOnlyDictionary<string, int> TrialsPerCell)
{
    /// <summary>Total trials the design trained or reused.</summary>
    public int TotalTrials => TrialsPerCell.Values.Sum();
}
