using System.Diagnostics;
using ReproSpecs.Harness.Models;
using ReproSpecs.Harness.Data;
using ReproSpecs.Harness.Records;
using ReproSpecs.Harness.Results;
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
        var modelConfig = cell.ModelConfig();
        int t = cell.Settings.BlockSize, b = cell.Settings.BatchSize, maxIters = cell.Settings.MaxIters;
        int warmup = Math.Min(3, Math.Max(0, maxIters - 1));

        torch.manual_seed(seeds.Init);
        using var model = ModelRegistry.Create(cell.Model, modelConfig);
        model.to(ctx.Device);
        var parameters = model.parameters().ToList();
        using var optimizer = Optimization.AdamW(parameters, cell.Settings.LearningRate, cell.Settings.Beta1, cell.Settings.Beta2, cell.Settings.WeightDecay);
        torch.manual_seed(TrialSeeds.StreamSeed(seeds.Dropout, "dropout"));
        using var sampler = new BatchSampler(ctx.Data.Train, t, b, TrialSeeds.StreamSeed(seeds.Data, "data"));

        using var stepLosses = torch.full(maxIters, float.NaN, ScalarType.Float32, device: ctx.Device);
        var hostLosses = new float[maxIters];
        var snapshot = parameters.Select(p => p.detach().clone()).ToList();
        var history = new List<EvalPoint>();
        var trainClock = new Stopwatch();
        var evalClock = new Stopwatch();
        double warmupSeconds = 0;
        int checkedUpTo = 0, bestStep = 0;
        int? divergedAt = null; // the first step whose training or evaluation loss was not finite
        double bestVal = double.PositiveInfinity;

        bool Evaluate(int step)
        {
            evalClock.Start();
            double train = Evaluation.EstimateLoss(model, ctx.Data.Train, ctx.LossBatches.TrainStarts, t);
            double val = Evaluation.EstimateLoss(model, ctx.Data.Val, ctx.LossBatches.ValStarts, t);
            evalClock.Stop();
            history.Add(new EvalPoint(step, train, val));
            if (!double.IsFinite(train) || !double.IsFinite(val)) return false;
            if (val < bestVal)
            {
                bestVal = val;
                bestStep = step;
                using var noGrad = torch.no_grad();
                for (int i = 0; i < parameters.Count; i++) snapshot[i].copy_(parameters[i]);
            }
            progress.Report(new TrialProgress(cell.Label, index, trials, step, maxIters, double.NaN, 0, TimeSpan.Zero,
                $"eval train {train:F4} val {val:F4}"));
            return true;
        }

        try
        {
            if (!Evaluate(0)) divergedAt = 0;
            for (int step = 1; step <= maxIters && divergedAt is null; step++)
            {
                cancel.ThrowIfCancellationRequested();
                if (cell.Settings.Schedule == LrSchedule.Cosine)
                    foreach (var group in optimizer.ParamGroups)
                        group.LearningRate = cell.Settings.LearningRate * (0.1 + 0.45 * (1 + Math.Cos(Math.PI * (step - 1) / maxIters)));

                trainClock.Start();
                using (torch.NewDisposeScope())
                    stepLosses[step - 1].copy_(Optimization.Step(model, optimizer, sampler));
                if (DivergenceFault.At(index, step)) stepLosses[step - 1].fill_(float.NaN);
                trainClock.Stop();
                if (step == warmup) warmupSeconds = trainClock.Elapsed.TotalSeconds;

                bool evalDue = step % cell.Settings.EvalInterval == 0 || step == maxIters;
                if (step % CheckInterval == 0 || evalDue)
                {
                    // One host read per interval: the losses since the last read, checked for divergence.
                    using (var window = stepLosses[checkedUpTo..step].cpu())
                        window.data<float>().CopyTo(hostLosses, checkedUpTo);
                    for (int i = checkedUpTo; i < step && divergedAt is null; i++)
                        if (!float.IsFinite(hostLosses[i])) divergedAt = i + 1;
                    checkedUpTo = step;
                    if (divergedAt is not null) break;
                    double msPerStep = SteadyMsPerStep(trainClock.Elapsed.TotalSeconds, warmupSeconds, step, warmup);
                    var eta = TimeSpan.FromMilliseconds(msPerStep * (maxIters - step)
                        + (history.Count > 0 ? evalClock.Elapsed.TotalMilliseconds / history.Count : 0) * ((maxIters - step) / cell.Settings.EvalInterval + 1));
                    progress.Report(new TrialProgress(cell.Label, index, trials, step, maxIters, hostLosses[step - 1],
                        msPerStep > 0 ? b * t * 1000.0 / msPerStep : 0, eta));
                }
                if (evalDue && !Evaluate(step)) divergedAt = step;
            }

            double steadyMs = SteadyMsPerStep(trainClock.Elapsed.TotalSeconds, warmupSeconds, Math.Max(checkedUpTo, 1), warmup);
            var scoreClock = Stopwatch.StartNew();
            Scored? last = null, best = null, asCoded = null;
            if (divergedAt is null)
            {
                last = Evaluation.Score(model, ctx.EvalSet);
                using (var own = AsCodedContexts.Draw(ctx.Data, cell.Settings.EvalContexts, t, cell.Settings.EvalSeed, index))
                    asCoded = Evaluation.Score(model, own);
                using (torch.no_grad())
                    for (int i = 0; i < parameters.Count; i++) parameters[i].copy_(snapshot[i]);
                best = Evaluation.Score(model, ctx.EvalSet);
            }
            scoreClock.Stop();

            var record = new TrialRecord
            {
                ConfigHash = cell.Hash,
                Index = index,
                Seeds = seeds,
                Status = divergedAt is null ? TrialStatus.Completed : TrialStatus.Diverged,
                DivergedAtStep = divergedAt,
                Parameters = parameters.Sum(p => p.numel()),
                EvalFingerprint = ctx.EvalSet.Fingerprint,
                History = history,
                StepLosses = hostLosses[..checkedUpTo],
                BestStep = bestStep,
                Last = last is null ? null : ToScore(last, maxIters),
                Best = best is null ? null : ToScore(best, bestStep),
                AsCoded = asCoded is null ? null : ToScore(asCoded, maxIters),
                Timing = new TrialTiming(trainClock.Elapsed.TotalSeconds, evalClock.Elapsed.TotalSeconds, scoreClock.Elapsed.TotalSeconds,
                    warmup, steadyMs, steadyMs > 0 ? b * t * 1000.0 / steadyMs : 0),
                FinishedAt = DateTimeOffset.UtcNow,
            };
            return new TrainedTrial(record, last?.Probabilities, best?.Probabilities, asCoded?.Probabilities);
        }
        finally
        {
            foreach (var s in snapshot) s.Dispose();
        }
    }

    private static Score ToScore(Scored s, int step) => new(step, s.Loss, s.Accuracy, s.AllPositionsLoss, s.AllPositionsAccuracy);

    private static double SteadyMsPerStep(double trainSeconds, double warmupSeconds, int steps, int warmup) =>
        steps > warmup ? (trainSeconds - warmupSeconds) * 1000.0 / (steps - warmup) : trainSeconds * 1000.0 / Math.Max(steps, 1);
}
