namespace ReproSpecs.Harness.Training;

/// <summary>Receives progress while trials train (a console, a test runner's diagnostic channel).</summary>
public interface IProgressSink
{
    /// <summary>Called from the training thread; must be cheap.</summary>
    void Report(TrialProgress progress);
}
