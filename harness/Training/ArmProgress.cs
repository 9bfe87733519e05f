namespace ReproSpecs.Harness.Training;

/// <summary>
/// Passes progress on with the seed-ablation arm in the label (<c>[smoke/charlm/relu arm same]</c>), so an arm's
/// trials never read as its cell's trials trained a second time.
/// </summary>
/// <param name="inner">Where the relabelled reports go.</param>
/// <param name="arm">The arm's name (<c>same</c>, <c>init</c>, ...).</param>
public sealed class ArmProgress(IProgressSink inner, string arm) : IProgressSink
{
    /// <inheritdoc />
    public void Report(TrialProgress progress) => inner.Report(progress with { Cell = $"{progress.Cell} arm {arm}" });
}
