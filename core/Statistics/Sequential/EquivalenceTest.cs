using MathNet.Numerics.Distributions;

namespace ReproSpecs.Harness.Statistics;

/// <summary>
/// Two one-sided tests (TOST; Schuirmann 1987) of "the effect lies inside ±m": the larger of the p-values of
/// H₀: θ ≤ −δ and H₀: θ ≥ +δ on the comparison's own scale and t reference. Small means both sides are excluded,
/// so the effect is smaller than anything the user said matters. On a log-ratio scale the margin is
/// (ln(1 − m), ln(1 + m)), so ±5 % is read on the ratio itself; on a difference scale it is ±m·|B|.
/// </summary>
public static class EquivalenceTest
{
    /// <summary>
    /// The TOST p-value of <paramref name="comparison"/> for a margin of ±<paramref name="marginPercent"/> %, or null when
    /// the comparison has no usable standard error or is two-sided by nature (<paramref name="direction"/> = Differs).
    /// </summary>
    public static double? PValue(ComparisonResult comparison, ClaimDirection direction, double marginPercent)
    {
        if (direction == ClaimDirection.Differs || !TTest.IsUsable(comparison.StandardError, comparison.DegreesOfFreedom)) return null;
        if (!(marginPercent > 0 && marginPercent < 100)) throw new ConfigurationException($"the equivalence margin must be a percentage in (0, 100), got {marginPercent}. Fix: set REPROSPECS_EQUIVALENCE_MARGIN to e.g. 5.");
        double m = marginPercent / 100;
        var (low, high) = comparison.Scale == EffectScale.LogRatio
            ? (Math.Log(1 - m), Math.Log(1 + m))
            : (-m * Math.Abs(comparison.ValueB), m * Math.Abs(comparison.ValueB));
        if (!(high > low)) return null; // a reference of 0 leaves no margin to test against
        double se = comparison.StandardError, df = comparison.DegreesOfFreedom, theta = comparison.Estimate;
        double pLow = StudentT.CDF(0, 1, df, -(theta - low) / se);   // H₀: θ ≤ low
        double pHigh = StudentT.CDF(0, 1, df, (theta - high) / se);  // H₀: θ ≥ high
        return Math.Clamp(Math.Max(pLow, pHigh), 0, 1);
    }
}
