namespace ReproSpecs.Harness.Records;

/// <summary>How the learning rate moves over training.</summary>
public enum LrSchedule
{
    /// <summary>The study's: the same rate at every step.</summary>
    Constant,
    /// <summary>Cosine decay from the rate to a tenth of it at the last step.</summary>
    Cosine,
}
