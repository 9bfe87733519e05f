
namespace ReproSpecs.Harness.Records;

/// <summary>How a trial ended.</summary>
public enum TrialStatus
{
    /// <summary>Trained all steps with finite losses.</summary>
    Completed,
    /// <summary>A loss became NaN or infinite; training stopped and no probabilities exist.</summary>
    Diverged,
}

/// <summary>Train and validation loss at one periodic evaluation (after <paramref name="Step"/> updates).</summary>
public sealed record EvalPoint(int Step, double TrainLoss, double ValLoss);

/// <summary>A model scored on the fixed evaluation contexts.</summary>
/// <param name="Step">Updates the scored weights had received.</param>
/// <param name="Loss">Mean cross-entropy (nats) of the next character after each full context.</param>
/// <param name="Accuracy">Fraction of those next characters predicted top-1.</param>
/// <param name="AllPositionsLoss">Mean cross-entropy over every position of every context.</param>
/// <param name="AllPositionsAccuracy">Top-1 accuracy over every position.</param>
/// <param name="ProbabilitiesFile">File name (in the cell folder) of the N×V probabilities.</param>
/// <param name="ProbabilitiesSha256">SHA-256 of that file.</param>
public sealed record Score(
    int Step,
    double Loss,
    double Accuracy,
    double AllPositionsLoss,
    double AllPositionsAccuracy,
    string ProbabilitiesFile = "",
    string ProbabilitiesSha256 = "");

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

/// <summary>One trained trial of a cell, as stored in <c>trial-*.json</c> and embedded in <c>cell.json</c>.</summary>
public sealed record TrialRecord
{
    /// <summary>Hash of the cell config this trial was trained under.</summary>
    public required string ConfigHash { get; init; }
    /// <summary>Position of the trial in the cell (0-based).</summary>
    public required int Index { get; init; }
    /// <summary>The seeds of its three randomness sources.</summary>
    public required TrialSeeds Seeds { get; init; }
    /// <summary>How it ended.</summary>
    public required TrialStatus Status { get; init; }
    /// <summary>The first step whose loss was not finite, when diverged.</summary>
    public int? DivergedAtStep { get; init; }
    /// <summary>Trainable parameters.</summary>
    public required long Parameters { get; init; }
    /// <summary>Fingerprint of the evaluation contexts it was scored on.</summary>
    public required string EvalFingerprint { get; init; }
    /// <summary>
    /// <see cref="CodeFingerprint"/> of the code that computed this trial; a trial is reused only under the same one
    /// (null in files written before fingerprints existed: such trials are retrained).
    /// </summary>
    public string? CodeFingerprint { get; init; }
    /// <summary>Periodic train/val loss.</summary>
    public required IReadOnlyList<EvalPoint> History { get; init; }
    /// <summary>Training loss of every step (float32).</summary>
    public required float[] StepLosses { get; init; }
    /// <summary>The periodic evaluation with the lowest validation loss.</summary>
    public required int BestStep { get; init; }
    /// <summary>The final weights scored (null when diverged).</summary>
    public Score? Last { get; init; }
    /// <summary>The best-validation weights scored (null when diverged).</summary>
    public Score? Best { get; init; }
    /// <summary>
    /// The final weights scored under the study's protocol (<see cref="EvaluationProtocol.AsCoded"/>):
    /// on this trial's own fresh validation windows. Null when diverged and in results before compute version 3.
    /// </summary>
    public Score? AsCoded { get; init; }
    /// <summary>Where the time went.</summary>
    public required TrialTiming Timing { get; init; }
    /// <summary>When training finished (UTC).</summary>
    public required DateTimeOffset FinishedAt { get; init; }
}
