namespace ReproSpecs.Harness.Records;

/// <summary>Train and validation loss at one periodic evaluation (after <paramref name="Step"/> updates).</summary>
public sealed record EvalPoint(int Step, double TrainLoss, double ValLoss);
