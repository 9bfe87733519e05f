namespace ReproSpecs.Harness.Records;

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
