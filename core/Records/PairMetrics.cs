using ReproSpecs.Harness.Metrics;

namespace ReproSpecs.Harness.Records;

/// <summary>Disagreement metrics of one pair of trials (see <see cref="PredictionDisagreement"/>).</summary>
/// <param name="RelativePd">Relative PD, global form (= mean total-variation distance).</param>
/// <param name="ElementWisePd">Element-wise relative PD (guarded).</param>
/// <param name="TargetPd">Relative PD of the true next character's probability.</param>
/// <param name="Top1Disagreement">Fraction of contexts with different argmax.</param>
public sealed record PairMetrics(double RelativePd, double ElementWisePd, double TargetPd, double Top1Disagreement)
{
    /// <summary>Computes all four metrics for two N×V probability matrices.</summary>
    public static PairMetrics Compute(float[] a, float[] b, IReadOnlyList<int> targets, int vocabSize) => new(
        PredictionDisagreement.Relative(a, b),
        PredictionDisagreement.ElementWise(a, b),
        PredictionDisagreement.Target(a, b, targets, vocabSize),
        PredictionDisagreement.Top1(a, b, vocabSize));
}
