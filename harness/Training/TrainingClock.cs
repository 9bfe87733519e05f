using System.Diagnostics;
using ReproSpecs.Harness.Records;

namespace ReproSpecs.Harness.Training;

/// <summary>
/// Where a trial's time goes (optimisation steps, periodic evaluations), the steady step time after the
/// warm-up steps, and the ETA that progress lines show. Only timings: nothing here touches the numbers.
/// </summary>
internal sealed class TrainingClock(int maxIters, int evalInterval, int tokensPerStep)
{
    /// <summary>
    /// Steps left out of the throughput figures: the first steps pay for allocator growth and kernel selection.
    /// The same count as <see cref="Benchmarks.TrainingBenchmark"/>'s default warm-up.
    /// </summary>
    public const int DefaultWarmupSteps = 3;

    private double _warmupSeconds;

    /// <summary>Warm-up steps of this trial: at most all but one step, so a steady step always remains.</summary>
    public int WarmupSteps { get; } = Math.Min(DefaultWarmupSteps, Math.Max(0, maxIters - 1));

    /// <summary>Times the optimisation steps only.</summary>
    public Stopwatch Train { get; } = new();

    /// <summary>Times the periodic loss evaluations.</summary>
    public Stopwatch Eval { get; } = new();

    /// <summary>Starts timing an optimisation step.</summary>
    public void StepStarted() => Train.Start();

    /// <summary>Stops <see cref="Train"/> after <paramref name="step"/>, noting the time at the end of the warm-up.</summary>
    public void StepDone(int step)
    {
        Train.Stop();
        if (step == WarmupSteps) _warmupSeconds = Train.Elapsed.TotalSeconds;
    }

    /// <summary>Mean milliseconds per step after the warm-up, over the first <paramref name="steps"/> steps (over all of them while still warming up).</summary>
    public double SteadyMsPerStep(int steps)
    {
        double trainSeconds = Train.Elapsed.TotalSeconds;
        return steps > WarmupSteps
            ? (trainSeconds - _warmupSeconds) * 1000.0 / (steps - WarmupSteps)
            : trainSeconds * 1000.0 / Math.Max(steps, 1);
    }

    /// <summary>Training tokens per second at <paramref name="msPerStep"/> (0 before any time was measured).</summary>
    public double TokensPerSecond(double msPerStep) => msPerStep > 0 ? tokensPerStep * 1000.0 / msPerStep : 0;

    /// <summary>
    /// Time left after <paramref name="step"/>: the remaining steps at the steady rate, plus the remaining
    /// evaluations at the mean time of the <paramref name="evaluations"/> done so far.
    /// </summary>
    public TimeSpan Eta(int step, double msPerStep, int evaluations) => TimeSpan.FromMilliseconds(msPerStep * (maxIters - step)
        + (evaluations > 0 ? Eval.Elapsed.TotalMilliseconds / evaluations : 0) * ((maxIters - step) / evalInterval + 1));

    /// <summary>The record's timing, with <paramref name="scoreSeconds"/> spent scoring and the steady step time <paramref name="steadyMs"/>.</summary>
    public TrialTiming Timing(double scoreSeconds, double steadyMs) =>
        new(Train.Elapsed.TotalSeconds, Eval.Elapsed.TotalSeconds, scoreSeconds, WarmupSteps, steadyMs, TokensPerSecond(steadyMs));
}
