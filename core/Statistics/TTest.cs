using System.Collections.Concurrent;
using MathNet.Numerics.Distributions;

namespace ReproSpecs.Harness.Statistics;

/// <summary>The t-reference pieces every comparison shares: p-value and interval from an estimate and its standard error.</summary>
public static class TTest
{
    /// <summary>Two-sided p-value of <paramref name="estimate"/>/<paramref name="standardError"/> against t with <paramref name="df"/> degrees of freedom.</summary>
    public static double TwoSidedP(double estimate, double standardError, double df)
    {
        if (standardError == 0) return estimate == 0 ? 1 : 0; // no spread at all: any non-zero difference is certain
        if (!double.IsFinite(standardError) || !(df > 0)) return 1;
        double t = Math.Abs(estimate / standardError);
        return Math.Clamp(2 * StudentT.CDF(0, 1, df, -t), 0, 1);
    }

    /// <summary>Half-width of the two-sided <paramref name="level"/> interval: t_{1−(1−level)/2, df} · SE.</summary>
    public static double HalfWidth(double standardError, double df, double level)
    {
        if (standardError == 0) return 0;
        if (!double.IsFinite(standardError) || !(df > 0)) return double.PositiveInfinity;
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
