using ReproSpecs.Harness.Cells;
using ReproSpecs.Harness.Metrics;
using ReproSpecs.Harness.Records;
using ReproSpecs.Harness.Results;
using Shouldly;
using Xunit;

namespace ReproSpecs.Specs.Infrastructure;

/// <summary>The assertions every (model, activation) cell must pass, shared by all architecture spec classes.</summary>
public static class CellAssertions
{
    /// <summary>
    /// How far below the validation text's unigram entropy the mean loss must be for "the model learned":
    /// a model that only learned character frequencies sits at the entropy; 0.25 nats below is already
    /// bigram-level knowledge on Tiny Shakespeare, and a leaking model would be far below (see the structural specs).
    /// </summary>
    public const double LearnedMarginNats = 0.25;


    /// <summary>Runs the cell and checks it; returns the result for further checks.</summary>
    public static CellResult RunAndCheck(ExperimentFixture fixture, string model, string activation)
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var result = fixture.Cell(model, activation);
        var record = result.Record;
        string cell = record.Config.Label;

        // Every loss finite: a diverged trial fails the cell with the step at which it diverged.
        foreach (var trial in record.Trials)
        {
            trial.Status.ShouldBe(TrialStatus.Completed, $"{cell}: trial {trial.Index} (seeds {trial.Seeds.Key}) diverged at step {trial.DivergedAtStep}: its loss became NaN or infinite");
            trial.StepLosses.ShouldAllBe(l => float.IsFinite(l), $"{cell}: trial {trial.Index} has a non-finite training loss");
            trial.History.ShouldAllBe(p => double.IsFinite(p.TrainLoss) && double.IsFinite(p.ValLoss), $"{cell}: trial {trial.Index} has a non-finite evaluation loss");
        }

        // The model learned: clearly below a context-free model.
        double entropy = fixture.Context.Data.ValidationUnigramEntropy();
        double meanLoss = record.Trials.Average(t => t.Last!.AllPositionsLoss);
        meanLoss.ShouldBeLessThan(entropy - LearnedMarginNats,
            $"{cell}: mean validation loss {meanLoss:F4} nats is not clearly below the unigram entropy {entropy:F4} (margin {LearnedMarginNats}): the model did not learn");

        // Not degenerate: a model that predicts one character everywhere is not "reproducible".
        int V = record.Config.VocabSize;
        foreach (var (probs, trial) in result.LastProbabilities.Zip(record.Trials))
        {
            int distinct = Enumerable.Range(0, probs!.Length / V).Select(n => PredictionDisagreement.ArgMax(probs.AsSpan(n * V, V))).Distinct().Count();
            distinct.ShouldBeGreaterThan(1, $"{cell}: trial {trial.Index} predicts the same character for every context (degenerate)");
        }

        // Distinct seeds disagree, but never by more than the metric's range.
        foreach (var pair in record.Pairs)
        {
            pair.Last.RelativePd.ShouldBeGreaterThan(0, $"{cell}: trials {pair.TrialA} and {pair.TrialB} have distinct seeds but identical predictions: a seed does not reach training");
            pair.Last.RelativePd.ShouldBeLessThanOrEqualTo(1.0, $"{cell}: Relative PD {pair.Last.RelativePd} outside (0, 1]");
        }

        // The CI gate: at or below the committed baseline plus tolerance.
        var baselines = Baselines.Load(Path.Combine(AppContext.BaseDirectory, "baselines.json"));
        double mean = record.Summary.Last!.RelativePd.Mean;
        double? threshold = baselines.Threshold(record.Config.Profile, model, activation);
        Skip.If(threshold is null,
            $"{cell}: all checks passed (mean Relative PD {mean:F5}); no baseline recorded for this cell, so the threshold gate was not applied. Record one with: dotnet run --project cli -- baselines --profile {record.Config.Profile}");
        mean.ShouldBeLessThanOrEqualTo(threshold!.Value,
            $"{cell}: mean Relative PD {mean:F5} exceeds the baseline threshold {threshold:F5} ({baselines.Get(record.Config.Profile, model, activation):F5} + {baselines.Tolerance:P0})");
        return result;
    }
}
