using ReproSpecs.Harness.Records;
using ReproSpecs.Harness.Data;

namespace ReproSpecs.Harness.Training;

/// <summary>The contexts of <see cref="EvaluationProtocol.AsCoded"/>: fresh random validation windows per trial.</summary>
public static class AsCodedContexts
{
    /// <summary>
    /// Trial <paramref name="index"/>'s own windows: N windows of T anywhere in the validation split (the study
    /// drew them from the whole split), from a stream keyed by the trial index and the evaluation seed. Keyed
    /// by index, not by the trial's seeds, because the study's windows differed per trained model: so even
    /// the same-seed arm's identical models are scored on different contexts, as they were there.
    /// </summary>
    public static EvalSet Draw(CharDataset data, int count, int blockSize, long evalSeed, int index) =>
        EvalSet.Draw(data, count, blockSize, TrialSeeds.StreamSeed(evalSeed + index, "as-coded contexts"));
}
