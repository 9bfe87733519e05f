namespace ReproSpecs.Harness.Statistics;

/// <summary>A per-trial figure that H4 compares.</summary>
public enum TrialMetric
{
    /// <summary>Evaluation loss (nats; lower is better).</summary>
    Loss,
    /// <summary>Evaluation top-1 accuracy (higher is better).</summary>
    Accuracy,
    /// <summary>Evaluation loss over every position of every context (N·T predictions, not only the last of each).</summary>
    AllPositionsLoss,
    /// <summary>Evaluation top-1 accuracy over every position of every context.</summary>
    AllPositionsAccuracy,
}
