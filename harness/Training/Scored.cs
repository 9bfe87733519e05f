namespace ReproSpecs.Harness.Training;

/// <summary>A model's predictions on the fixed evaluation contexts.</summary>
/// <param name="Probabilities">Row-major N×V next-character probabilities after each full context.</param>
/// <param name="Loss">Mean cross-entropy (nats) of those next characters.</param>
/// <param name="Accuracy">Fraction of them predicted top-1.</param>
/// <param name="AllPositionsLoss">Mean cross-entropy over every position.</param>
/// <param name="AllPositionsAccuracy">Top-1 accuracy over every position.</param>
public sealed record Scored(float[] Probabilities, double Loss, double Accuracy, double AllPositionsLoss, double AllPositionsAccuracy);
