namespace ReproSpecs.Harness.Records;

/// <summary>Where a trial's time went. Throughput excludes the warm-up steps.</summary>
/// <param name="TrainSeconds">Wall time of the optimisation steps only.</param>
/// <param name="EvalSeconds">Wall time of the periodic loss evaluations.</param>
/// <param name="ScoreSeconds">Wall time of scoring the evaluation contexts (last and best weights, and the last weights as coded).</param>
/// <param name="WarmupSteps">Steps excluded from the throughput figures.</param>
/// <param name="SteadyMsPerStep">Mean milliseconds per step after warm-up.</param>
/// <param name="SteadyTokensPerSecond">Training tokens per second after warm-up.</param>
public sealed record TrialTiming(
    double TrainSeconds,
    double EvalSeconds,
    double ScoreSeconds,
    int WarmupSteps,
    double SteadyMsPerStep,
    double SteadyTokensPerSecond);
