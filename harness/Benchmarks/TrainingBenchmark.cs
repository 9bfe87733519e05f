using System.Diagnostics;
using ReproSpecs.Harness.Data;
using ReproSpecs.Harness.Models;
using ReproSpecs.Harness.Records;
using ReproSpecs.Harness.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace ReproSpecs.Harness.Benchmarks;

/// <summary>
/// Times the real training step (<see cref="Optimization.Step"/>) and the real scoring
/// (<see cref="Evaluation.Score"/>) of one architecture under a profile's shapes.
/// </summary>
public static class TrainingBenchmark
{
    /// <summary>Benchmarks <paramref name="model"/> with <paramref name="activation"/>.</summary>
    public static BenchmarkResult Run(ExperimentContext context, string model, string activation, double ceilingGflops,
        int steps = 20, int warmup = 3, int evalRepeats = 3)
    {
        var p = context.Profile;
        torch.manual_seed(p.BaseSeed);
        using var m = ModelRegistry.Create(model, CellConfigs.For(p, model, activation, context.Corpus).ModelConfig());
        m.to(context.Device);
        using var optimizer = Optimization.AdamW(m.parameters(), p.LearningRate, p.Beta1, p.Beta2, p.WeightDecay);
        using var sampler = new BatchSampler(context.Data.Train, p.BlockSize, p.BatchSize, p.BaseSeed);

        var times = new List<double>();
        for (int i = 0; i < warmup + steps; i++)
        {
            var clock = Stopwatch.StartNew();
            using (torch.NewDisposeScope())
            {
                Optimization.Step(m, optimizer, sampler);
                MatmulCeiling.Sync(context.Device);
            }
            if (i >= warmup) times.Add(clock.Elapsed.TotalMilliseconds);
        }
        double median = MatmulCeiling.Median(times);

        var evalTimes = new List<double>();
        for (int i = 0; i < evalRepeats; i++)
        {
            var clock = Stopwatch.StartNew();
            Evaluation.Score(m, context.EvalSet);
            evalTimes.Add(clock.Elapsed.TotalSeconds);
        }

        double flops = ModelFlops.TrainingStep(m, p.BatchSize, p.BlockSize);
        return new BenchmarkResult(model, activation, m.ParameterCount(), steps, median, times.Min(), times.Max(),
            p.BatchSize * (double)p.BlockSize / (median / 1000), flops / (median / 1000) / 1e9, ceilingGflops,
            MatmulCeiling.Median(evalTimes), context.EvalSet.Count, ProcessMemory.PeakResidentMiB());
    }

    /// <summary>
    /// Trains one real trial (<see cref="TrialTrainer"/>: steps, periodic evaluation, best-weights
    /// snapshots, scoring) for the profile's <c>MaxIters</c> and samples resident memory whenever progress
    /// reaches one of <paramref name="sampleAt"/>: leaked tensors show as growth between the samples.
    /// </summary>
    public static IReadOnlyList<(int Step, double RssMiB)> MemoryOverSteps(ExperimentContext context, string model, string activation, IReadOnlyList<int> sampleAt)
    {
        var samples = new List<(int, double)>();
        var cell = CellConfigs.For(context.Profile, model, activation, context.Corpus);
        TrialTrainer.Train(context, cell, 0, 1, TrialSeeds.All(context.Profile.BaseSeed), new MemorySampler(sampleAt, samples));
        return samples;
    }

    private sealed class MemorySampler(IReadOnlyList<int> sampleAt, List<(int, double)> samples) : IProgressSink
    {
        public void Report(TrialProgress progress)
        {
            if (progress.Note is not null || !sampleAt.Contains(progress.Step) || samples.Any(s => s.Item1 == progress.Step)) return;
            samples.Add((progress.Step, ProcessMemory.LiveResidentMiB()));
        }
    }
}
