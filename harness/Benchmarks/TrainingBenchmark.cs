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
    /// <summary>Loss batches per split in the periodic-evaluation phase of <see cref="Run"/>.</summary>
    public const int PeakEvalBatches = 4;

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

        bool resettable = ProcessMemory.ResetPeak();
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
        double trainingPeak = ProcessMemory.PeakResidentMiB();

        // The periodic evaluation as the trainer runs it, on a few of the fixed loss batches of each split: its peak is
        // one forward pass's, the same for 4 batches as for 200, and the full profile's 200 would take an hour on a CPU.
        resettable &= ProcessMemory.ResetPeak();
        foreach (var (split, starts) in new[] { (context.Data.Train, context.LossBatches.TrainStarts), (context.Data.Val, context.LossBatches.ValStarts) })
        {
            using var few = starts.narrow(0, 0, Math.Min(PeakEvalBatches, starts.shape[0]));
            Evaluation.EstimateLoss(m, split, few, p.BlockSize);
        }
        double evaluationPeak = ProcessMemory.PeakResidentMiB();

        resettable &= ProcessMemory.ResetPeak();
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
            MatmulCeiling.Median(evalTimes), context.EvalSet.Count, new PhasePeaks(trainingPeak, evaluationPeak, ProcessMemory.PeakResidentMiB(), resettable));
    }

    /// <summary>
    /// Trains one real trial (<see cref="TrialTrainer"/>: steps, periodic evaluation, best-weights
    /// snapshots, scoring) for the profile's <c>MaxIters</c> and samples memory whenever progress reaches one of
    /// <paramref name="sampleAt"/>: resident memory as the kernel sees it, the peak since the previous sample, and the
    /// live memory after a full collection and <c>malloc_trim</c> (which perturbs what follows, so it is read last).
    /// Growth between samples of the resident figure is what a user's process accumulates.
    /// </summary>
    public static IReadOnlyList<MemorySample> MemoryOverSteps(ExperimentContext context, string model, string activation, IReadOnlyList<int> sampleAt)
    {
        var samples = new List<MemorySample>();
        var cell = CellConfigs.For(context.Profile, model, activation, context.Corpus);
        ProcessMemory.ResetPeak();
        TrialTrainer.Train(context, cell, 0, 1, TrialSeeds.All(context.Profile.BaseSeed), new MemorySampler(sampleAt, samples));
        return samples;
    }

    private sealed class MemorySampler(IReadOnlyList<int> sampleAt, List<MemorySample> samples) : IProgressSink
    {
        public void Report(TrialProgress progress)
        {
            if (progress.Note is not null || !sampleAt.Contains(progress.Step) || samples.Any(s => s.Step == progress.Step)) return;
            double resident = ProcessMemory.ResidentMiB(), peak = ProcessMemory.PeakResidentMiB();
            double live = ProcessMemory.LiveResidentMiB();
            ProcessMemory.ResetPeak();
            samples.Add(new MemorySample(progress.Step, resident, peak, live));
        }
    }
}
