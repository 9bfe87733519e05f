using System.Collections.Concurrent;
using MathNet.Numerics.Distributions;

namespace ReproSpecs.Harness.Statistics;

/// <summary>The t-reference pieces every comparison shares: p-value and interval from an estimate and its standard error.</summary>
public static class TTest
{
    /// <summary>
    /// Whether a standard error can carry evidence: positive, finite, with a positive number of degrees of
    /// freedom. A zero SE is not certainty: per-trial accuracy is a multiple of 1/N, so K equal per-seed
    /// differences happen, and an SE estimated as 0 from K − 1 degrees of freedom says only that this sample
    /// showed no spread, not that the population has none.
    /// </summary>
    public static bool IsUsable(double standardError, double df) => standardError > 0 && double.IsFinite(standardError) && df > 0;

    /// <summary>
    /// Why a comparison with this standard error cannot be decided, or null when it can (see <see cref="IsUsable"/>);
    /// the reason goes into the comparison's note so an inconclusive verdict says why.
    /// </summary>
    public static string? DegenerateReason(double standardError, double df, string what) =>
        IsUsable(standardError, df) ? null
        : standardError == 0 ? $"the standard error is 0 ({what} show no spread at all), which is no evidence: nothing can be decided"
        : $"the standard error is undefined (SE = {standardError}, {df} degrees of freedom), so nothing can be decided";

    /// <summary>
    /// Relative size below which an estimated standard error is rounding noise, not spread: per-seed accuracy
    /// differences that are all 2/N come out of floating-point subtraction as 0.0020000000000000018 and
    /// 0.0019999999999999463, whose "spread" is 1e-17, not evidence of certainty.
    /// </summary>
    public const double RelativeFloor = 1e-10;

    /// <summary>
    /// <paramref name="standardError"/>, or 0 when it is within floating-point rounding of 0 relative to the
    /// <paramref name="magnitude"/> of the numbers it was computed from (see <see cref="RelativeFloor"/>).
    /// </summary>
    public static double Floor(double standardError, double magnitude) =>
        standardError <= RelativeFloor * Math.Max(Math.Abs(magnitude), 1e-300) ? 0 : standardError;

    /// <summary>
    /// Two-sided p-value of <paramref name="estimate"/>/<paramref name="standardError"/> against t with
    /// <paramref name="df"/> degrees of freedom; 1 when the standard error is not usable (see <see cref="IsUsable"/>).
    /// </summary>
    public static double TwoSidedP(double estimate, double standardError, double df)
    {
        if (!IsUsable(standardError, df)) return 1; // a degenerate SE is never evidence, least of all certainty
        double t = Math.Abs(estimate / standardError);
        return Math.Clamp(2 * StudentT.CDF(0, 1, df, -t), 0, 1);
    }

    /// <summary>Half-width of the two-sided <paramref name="level"/> interval: t_{1−(1−level)/2, df} · SE; unbounded when the SE is not usable.</summary>
    public static double HalfWidth(double standardError, double df, double level)
    {
        if (!IsUsable(standardError, df)) return double.PositiveInfinity; // a zero-width interval would claim certainty
        return Quantile(df, 1 - (1 - level) / 2) * standardError;
    }

    private static readonly ConcurrentDictionary<(double Df, double P), double> Quantiles = new();

    /// <summary>
    /// The <paramref name="p"/> quantile of Student's t with <paramref name="df"/> degrees of freedom, memoised:
    /// MathNet inverts the CDF by root finding, and simulations and power searches ask for the same few values
    /// thousands of times.
    /// </summary>
    public static double Quantile(double df, double p) => Quantiles.GetOrAdd((df, p), key => StudentT.InvCDF(0, 1, key.Df, key.P));
}
