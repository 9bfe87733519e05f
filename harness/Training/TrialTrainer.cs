using System.Diagnostics;
using ReproSpecs.Harness.Models;
using ReproSpecs.Harness.Data;
using ReproSpecs.Harness.Records;
using TorchSharp;
using static TorchSharp.torch;

namespace ReproSpecs.Harness.Training;

/// <summary>
/// Trains one seeded trial of a cell: AdamW on random windows, periodic train/val loss on fixed
/// batches, a snapshot of the best-validation weights, and scoring of both the last and the best
/// weights on the fixed evaluation contexts; the last weights are also scored the study's way
/// (<see cref="EvaluationProtocol.AsCoded"/>). Stops at the first non-finite loss (divergence).
/// </summary>
public static class TrialTrainer
{
    /// <summary>Steps between host reads of the loss (divergence check and progress); the GPU never waits per step.</summary>
    public const int CheckInterval = 10;

    /// <summary>Trains trial <paramref name="index"/> of <paramref name="cell"/> with <paramref name="seeds"/>.</summary>
    public static TrainedTrial Train(ExperimentContext ctx, CellConfig cell, int index, int trials, TrialSeeds seeds,
        IProgressSink? progress = null, CancellationToken cancel = default)
    {
        progress ??= NullProgress.Instance;
        var settings = cell.Settings;
        int t = settings.BlockSize, b = settings.BatchSize, maxIters = settings.MaxIters;
        var modelConfig = cell.ModelConfig();

        // Each randomness source is seeded right before what consumes it: init, then dropout, then data.
        torch.manual_seed(seeds.Init);
        using var model = ModelRegistry.Create(cell.Model, modelConfig);
        model.to(ctx.Device);
        var parameters = model.parameters().ToList();
        using var optimizer = Optimization.AdamW(parameters, settings.LearningRate, settings.Beta1, settings.Beta2, settings.WeightDecay);
        var schedule = new LearningRateSchedule(settings.Schedule, settings.LearningRate, maxIters);
        torch.manual_seed(TrialSeeds.StreamSeed(seeds.Dropout, "dropout"));
        using var sampler = new BatchSampler(ctx.Data.Train, t, b, TrialSeeds.StreamSeed(seeds.Data, "data"));

        using var watch = new DivergenceWatch(maxIters, ctx.Device);
        using var bestWeights = new BestWeights(parameters);
        var history = new List<EvalPoint>();
        var clock = new TrainingClock(maxIters, settings.EvalInterval, b * t);
        using var trainStarts = ctx.LossBatches.TrainStarts.narrow(0, 0, Math.Min(settings.TrainLossBatches(), ctx.LossBatches.TrainStarts.shape[0]));

        // The periodic evaluation: train/val loss on the fixed batches; false when either is not finite.
        bool Evaluate(int step)
        {
            clock.Eval.Start();
            // The train-split estimate is reporting only; a profile may average it over fewer of the fixed batches.
            double train = Evaluation.EstimateLoss(model, ctx.Data.Train, trainStarts, t);
            double val = Evaluation.EstimateLoss(model, ctx.Data.Val, ctx.LossBatches.ValStarts, t);
            clock.Eval.Stop();
            history.Add(new EvalPoint(step, train, val));
            if (!double.IsFinite(train) || !double.IsFinite(val)) return false;
            bestWeights.Offer(step, val);
            progress.Report(new TrialProgress(cell.Label, index, trials, step, maxIters, double.NaN, 0, TimeSpan.Zero,
                $"eval train {train:F4} val {val:F4}"));
            return true;
        }

        if (!Evaluate(0)) watch.MarkDiverged(0);
        for (int step = 1; step <= maxIters && !watch.Diverged; step++)
        {
            cancel.ThrowIfCancellationRequested();
            schedule.Apply(optimizer, step);

            clock.StepStarted();
            using (torch.NewDisposeScope())
                watch.Record(step, Optimization.Step(model, optimizer, sampler));
            if (DivergenceFault.At(index, step)) watch.Poison(step);
            clock.StepDone(step);

            bool evalDue = step % settings.EvalInterval == 0 || step == maxIters;
            if (step % CheckInterval == 0 || evalDue)
            {
                if (watch.CheckThrough(step)) break;
                double msPerStep = clock.SteadyMsPerStep(step);
                progress.Report(new TrialProgress(cell.Label, index, trials, step, maxIters, watch.Loss(step),
                    clock.TokensPerSecond(msPerStep), clock.Eta(step, msPerStep, history.Count)));
            }
            if (evalDue && !Evaluate(step)) watch.MarkDiverged(step);
        }

        double steadyMs = clock.SteadyMsPerStep(Math.Max(watch.CheckedUpTo, 1));
        var scoreClock = Stopwatch.StartNew();
        Scored? last = null, best = null, asCoded = null;
        if (!watch.Diverged) (last, best, asCoded) = ScoreLastAndBest(model, ctx, cell, index, bestWeights);
        scoreClock.Stop();

        var record = new TrialRecord
        {
            ConfigHash = cell.Hash,
            Index = index,
            Seeds = seeds,
            Status = watch.Diverged ? TrialStatus.Diverged : TrialStatus.Completed,
            DivergedAtStep = watch.DivergedAt,
            Parameters = parameters.Sum(p => p.numel()),
            EvalFingerprint = ctx.EvalSet.Fingerprint,
            History = history,
            StepLosses = watch.CheckedLosses,
            BestStep = bestWeights.Step,
            Last = last is null ? null : ToScore(last, maxIters),
            Best = best is null ? null : ToScore(best, bestWeights.Step),
            AsCoded = asCoded is null ? null : ToScore(asCoded, maxIters),
            Timing = clock.Timing(scoreClock.Elapsed.TotalSeconds, steadyMs),
            FinishedAt = DateTimeOffset.UtcNow,
        };
        return new TrainedTrial(record, last?.Probabilities, best?.Probabilities, asCoded?.Probabilities);
    }

    /// <summary>
    /// Scores the last weights on the fixed contexts and on the trial's own as-coded contexts, then restores
    /// the best weights and scores them. In this order because restoring overwrites the last weights.
    /// </summary>
    private static (Scored Last, Scored Best, Scored AsCoded) ScoreLastAndBest(LanguageModel model, ExperimentContext ctx,
        CellConfig cell, int index, BestWeights bestWeights)
    {
        var last = Evaluation.Score(model, ctx.EvalSet);
        Scored asCoded;
        using (var own = AsCodedContexts.Draw(ctx.Data, cell.Settings.EvalContexts, cell.Settings.BlockSize, cell.Settings.EvalSeed, index))
            asCoded = Evaluation.Score(model, own);
        bestWeights.Restore();
        var best = Evaluation.Score(model, ctx.EvalSet);
        return (last, best, asCoded);
    }

    private static Score ToScore(Scored s, int step) => new(step, s.Loss, s.Accuracy, s.AllPositionsLoss, s.AllPositionsAccuracy);
}
