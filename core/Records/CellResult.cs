namespace ReproSpecs.Harness.Records;

/// <summary>A cell's record with every trial's probabilities (null for diverged trials).</summary>
/// <param name="Record">What was written to <c>cell.json</c>.</param>
/// <param name="LastProbabilities">Per trial, the final weights' N×V probabilities.</param>
/// <param name="BestProbabilities">Per trial, the best-validation weights' N×V probabilities.</param>
/// <param name="ReusedTrials">How many trials were loaded from the store instead of trained.</param>
public sealed record CellResult(CellRecord Record, IReadOnlyList<float[]?> LastProbabilities, IReadOnlyList<float[]?> BestProbabilities, int ReusedTrials)
{
    /// <summary>Whether a trial's last validation loss is above its best by more than the config's margin (see <see cref="OverfitSummary"/>).</summary>
    public bool Overfit => Record.Summary.Overfit?.Overfit == true;
}
