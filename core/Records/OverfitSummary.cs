namespace ReproSpecs.Harness.Records;

/// <summary>
/// Whether a cell's trials overfit: a trial does when its last periodic validation (selection) loss is above
/// its best by more than <paramref name="Margin"/> nats. Then the final and the best-validation weights are
/// different models, and which of them a figure uses matters.
/// </summary>
/// <param name="Overfit">Whether at least one completed trial overfits.</param>
/// <param name="OverfitTrials">How many completed trials overfit.</param>
/// <param name="Margin">The margin in nats (from the config).</param>
/// <param name="Gaps">Per completed trial: last minus best validation loss, in nats (≥ 0).</param>
public sealed record OverfitSummary(bool Overfit, int OverfitTrials, double Margin, IReadOnlyList<double> Gaps)
{
    /// <summary>The summary of <paramref name="trials"/> (completed ones, each with a history) under <paramref name="margin"/>.</summary>
    public static OverfitSummary Of(IEnumerable<TrialRecord> trials, double margin)
    {
        var gaps = trials.Select(t => t.History[^1].ValLoss - t.History.Min(p => p.ValLoss)).ToList();
        int overfit = gaps.Count(g => g > margin);
        return new OverfitSummary(overfit > 0, overfit, margin, gaps);
    }
}
