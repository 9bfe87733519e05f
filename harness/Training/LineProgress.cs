namespace ReproSpecs.Harness.Training;

/// <summary>Writes each report as a line through a delegate, at most one per <paramref name="interval"/> except notes.</summary>
public sealed class LineProgress(Action<string> write, TimeSpan interval) : IProgressSink
{
    private DateTime _last = DateTime.MinValue;

    /// <inheritdoc />
    public void Report(TrialProgress progress)
    {
        var now = DateTime.UtcNow;
        if (progress.Note is null && progress.Step != progress.MaxIters && now - _last < interval) return;
        _last = now;
        write(progress.ToString());
    }
}
