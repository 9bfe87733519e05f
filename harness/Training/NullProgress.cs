namespace ReproSpecs.Harness.Training;

/// <summary>Discards progress.</summary>
public sealed class NullProgress : IProgressSink
{
    /// <summary>The shared instance.</summary>
    public static readonly NullProgress Instance = new();

    /// <inheritdoc />
    public void Report(TrialProgress progress) { }
}
