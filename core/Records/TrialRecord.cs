namespace ReproSpecs.Harness.Records;

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

    /// <summary>Every score of this trial that carries a probabilities file: last, best and as-coded, where present.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IEnumerable<Score> Scores => new[] { Last, Best, AsCoded }.OfType<Score>();
    /// <summary>Where the time went.</summary>
    public required TrialTiming Timing { get; init; }
    /// <summary>When training finished (UTC).</summary>
    public required DateTimeOffset FinishedAt { get; init; }
}
