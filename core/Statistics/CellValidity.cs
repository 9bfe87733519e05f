using ReproSpecs.Harness.Records;
using System.Globalization;
using ReproSpecs.Harness.Metrics;

namespace ReproSpecs.Harness.Statistics;

/// <summary>
/// The rule a cell must pass before any hypothesis may rest on it, shared by the cell specs, the hypothesis
/// builder and the report: no trial diverged, the models learned (mean all-position loss clearly below the
/// validation text's unigram entropy), and no trial is degenerate (one character predicted for every context).
/// Why it gates verdicts: a degenerate model agrees with its siblings perfectly (PD ≈ 0), so without the rule
/// it would make "smooth activations are more reproducible" look supported.
/// </summary>
public static class CellValidity
{
    /// <summary>
    /// How far below the unigram entropy the mean loss must be for "the model learned": a model that only
    /// learned character frequencies sits at the entropy; 0.25 nats below is already bigram-level knowledge
    /// on Tiny Shakespeare.
    /// </summary>
    public const double LearnedMarginNats = 0.25;

    /// <summary>Every reason the cell fails its spec (empty when it passes).</summary>
    /// <param name="label">The cell's label, for messages.</param>
    /// <param name="trials">Its trial records, diverged ones included.</param>
    /// <param name="lastProbabilities">Per trial, the final weights' N×V probabilities (null when diverged).</param>
    /// <param name="unigramEntropy">Unigram entropy (nats) of the validation text.</param>
    /// <param name="vocabSize">V.</param>
    public static IReadOnlyList<string> Problems(string label, IReadOnlyList<TrialRecord> trials, IReadOnlyList<float[]?> lastProbabilities,
        double unigramEntropy, int vocabSize)
    {
        var inv = CultureInfo.InvariantCulture;
        var problems = new List<string>();
        foreach (var trial in trials)
        {
            if (trial.Status != TrialStatus.Completed)
                problems.Add(string.Create(inv, $"{label}: trial {trial.Index} (seeds {trial.Seeds.Key}) diverged at step {trial.DivergedAtStep}"));
            else if (!trial.StepLosses.All(float.IsFinite) || !trial.History.All(p => double.IsFinite(p.TrainLoss) && double.IsFinite(p.ValLoss)))
                problems.Add(string.Create(inv, $"{label}: trial {trial.Index} has a non-finite loss"));
        }
        var scored = trials.Where(t => t.Last is not null).ToList();
        if (scored.Count > 0)
        {
            double meanLoss = scored.Average(t => t.Last!.AllPositionsLoss);
            if (!(meanLoss < unigramEntropy - LearnedMarginNats))
                problems.Add(string.Create(inv,
                    $"{label}: did not learn (mean loss {meanLoss:F4} nats is not {LearnedMarginNats} below the unigram entropy {unigramEntropy:F4})"));
        }
        for (int k = 0; k < Math.Min(trials.Count, lastProbabilities.Count); k++)
        {
            var probs = lastProbabilities[k];
            if (probs is null || probs.Length < vocabSize) continue;
            int first = PredictionDisagreement.ArgMax(probs.AsSpan(0, vocabSize));
            bool same = true;
            for (int n = 1; n < probs.Length / vocabSize && same; n++)
                same = PredictionDisagreement.ArgMax(probs.AsSpan(n * vocabSize, vocabSize)) == first;
            if (same) problems.Add(string.Create(inv, $"{label}: trial {trials[k].Index} is degenerate (predicts the same character for every context)"));
        }
        return problems;
    }

    /// <summary>The problems of a trained cell (see the other overload).</summary>
    public static IReadOnlyList<string> Problems(CellResult result, double unigramEntropy, int vocabSize) =>
        Problems(result.Record.Config.Label, result.Record.Trials, result.LastProbabilities, unigramEntropy, vocabSize);

    /// <summary>The problems joined into one reason, or null when the cell passes.</summary>
    public static string? Reason(IReadOnlyList<string> problems) => problems.Count == 0 ? null : string.Join("; ", problems);
}
