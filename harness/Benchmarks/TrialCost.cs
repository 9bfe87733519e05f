using ReproSpecs.Harness.Records;

namespace ReproSpecs.Harness.Benchmarks;

/// <summary>
/// What one trial costs, from its parts: the profile's steps at the median step time, its periodic evaluations
/// (step 0, every <c>eval_interval</c>, and the last step) and its three scorings (last weights, the study's as-coded
/// contexts, best weights), and what that makes a cell and an hour. Pure arithmetic.
/// </summary>
/// <param name="StepMs">Median milliseconds per training step.</param>
/// <param name="Steps">Training steps per trial.</param>
/// <param name="EvalSeconds">Seconds of one periodic evaluation (both splits).</param>
/// <param name="Evaluations">Periodic evaluations per trial.</param>
/// <param name="ScoreSeconds">Seconds to score the evaluation contexts once.</param>
public sealed record TrialCost(double StepMs, int Steps, double EvalSeconds, int Evaluations, double ScoreSeconds)
{
    /// <summary>Scorings per trial: last weights, as-coded contexts, best weights.</summary>
    public const int Scorings = 3;

    /// <summary>The cost of a trial of <paramref name="profile"/> at the measured unit times.</summary>
    public static TrialCost For(Profile profile, double stepMs, double evalSeconds, double scoreSeconds) =>
        new(stepMs, profile.MaxIters, evalSeconds, EvaluationsPerTrial(profile.MaxIters, profile.EvalInterval), scoreSeconds);

    /// <summary>Periodic evaluations of a trial: at step 0, at every multiple of <paramref name="interval"/>, and at the last step.</summary>
    public static int EvaluationsPerTrial(int steps, int interval) => 1 + steps / interval + (steps % interval == 0 ? 0 : 1);

    /// <summary>Seconds of training steps.</summary>
    public double TrainSeconds => StepMs * Steps / 1000.0;

    /// <summary>Seconds of periodic evaluation.</summary>
    public double PeriodicEvalSeconds => EvalSeconds * Evaluations;

    /// <summary>Seconds of one trial, everything included.</summary>
    public double TrialSeconds => TrainSeconds + PeriodicEvalSeconds + Scorings * ScoreSeconds;

    /// <summary>Share of a trial spent in periodic evaluation.</summary>
    public double PeriodicEvalShare => PeriodicEvalSeconds / TrialSeconds;

    /// <summary>Wall time of a cell of <paramref name="trials"/> trials run <paramref name="workers"/> at a time, each as fast as alone.</summary>
    public double CellSeconds(int trials, int workers = 1) => Math.Ceiling(trials / (double)Math.Max(workers, 1)) * TrialSeconds;

    /// <summary>Trials finished per hour by <paramref name="workers"/> workers, each as fast as alone.</summary>
    public double TrialsPerHour(int workers = 1) => Math.Max(workers, 1) * 3600.0 / TrialSeconds;
}
