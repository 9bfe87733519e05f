namespace ReproSpecs.Harness.Records;

/// <summary>A trained trial: its record and, unless it diverged, its probabilities on the evaluation contexts.</summary>
/// <param name="Record">Histories, scores, timing (probability file names are filled in by the store).</param>
/// <param name="LastProbabilities">N×V probabilities of the final weights.</param>
/// <param name="BestProbabilities">N×V probabilities of the best-validation weights.</param>
/// <param name="AsCodedProbabilities">N×V probabilities of the final weights on the trial's own as-coded contexts.</param>
public sealed record TrainedTrial(TrialRecord Record, float[]? LastProbabilities, float[]? BestProbabilities, float[]? AsCodedProbabilities = null);
