namespace ReproSpecs.Harness.Records;

/// <summary>How a trial ended.</summary>
public enum TrialStatus
{
    /// <summary>Trained all steps with finite losses.</summary>
    Completed,
    /// <summary>A loss became NaN or infinite; training stopped and no probabilities exist.</summary>
    Diverged,
}
