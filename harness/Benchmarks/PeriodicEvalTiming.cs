using System.Diagnostics;
using ReproSpecs.Harness.Models;
using ReproSpecs.Harness.Training;
using TorchSharp;

namespace ReproSpecs.Harness.Benchmarks;

/// <summary>Times one periodic evaluation (the trainer's own: loss on the fixed batches of both splits, the train split's as many as the profile asks) on a fresh model.</summary>
public static class PeriodicEvalTiming
{
    /// <summary>Median seconds of <paramref name="repeats"/> evaluations after one untimed.</summary>
    public static double Measure(ExperimentContext context, string model, string activation, int repeats = 3)
    {
        var p = context.Profile;
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(p.BaseSeed);
        using var m = ModelRegistry.Create(model, CellConfigs.For(p, model, activation, context.Corpus).ModelConfig());
        m.to(context.Device);
        var trainStarts = context.LossBatches.TrainStarts.narrow(0, 0, p.TrainLossBatches());
        var times = new List<double>();
        for (int i = 0; i <= repeats; i++)
        {
            var clock = Stopwatch.StartNew();
            Evaluation.EstimateLoss(m, context.Data.Train, trainStarts, p.BlockSize);
            Evaluation.EstimateLoss(m, context.Data.Val, context.LossBatches.ValStarts, p.BlockSize);
            if (i > 0) times.Add(clock.Elapsed.TotalSeconds);
        }
        return RepeatedTimings.Median(times);
    }
}
