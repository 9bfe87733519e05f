namespace ReproSpecs.Harness.Training;

/// <summary>A progress report of a trial in training.</summary>
/// <param name="Cell">The cell label, e.g. <c>cpu/charlm/gelu</c>.</param>
/// <param name="Trial">0-based trial index.</param>
/// <param name="Trials">Trials in the cell.</param>
/// <param name="Step">Updates done.</param>
/// <param name="MaxIters">Updates planned.</param>
/// <param name="Loss">Latest training loss.</param>
/// <param name="TokensPerSecond">Recent training throughput.</param>
/// <param name="Eta">Estimated time left for this trial.</param>
/// <param name="Note">Extra detail (an evaluation's losses, reuse of a stored trial).</param>
public sealed record TrialProgress(string Cell, int Trial, int Trials, int Step, int MaxIters, double Loss, double TokensPerSecond, TimeSpan Eta, string? Note = null)
{
    /// <summary>One line for a log, e.g. <c>[cpu/charlm/gelu] trial 1/3 step 150/200 loss 2.4812 12,345 tok/s ETA 0:12</c>.</summary>
    public override string ToString()
    {
        if (Trials == 0) return $"[{Cell}] {Note}"; // a run-level note (a sequential design's look), not a trial's
        string line = $"[{Cell}] trial {Trial + 1}/{Trials} step {Step}/{MaxIters}";
        if (!double.IsNaN(Loss)) line += $" loss {Loss:F4}";
        if (TokensPerSecond > 0) line += $" {TokensPerSecond:N0} tok/s ETA {Eta:m\\:ss}";
        return Note is null ? line : $"{line} {Note}";
    }

    /// <summary>A run-level line with no trial, e.g. a sequential design's look: <c>[study] look 2 of 4 …</c>.</summary>
    public static TrialProgress RunNote(string scope, string note) => new(scope, 0, 0, 0, 0, double.NaN, 0, TimeSpan.Zero, note);
}
