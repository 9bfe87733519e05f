using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace ReproSpecs.Harness.Statistics;

/// <summary>
/// Power of two-sided t tests and the sample size that reaches a target power. MathNet.Numerics has no
/// noncentral t distribution, so the power is written as an expectation over the library's own
/// distributions: with T = (Z + δ)/S, Z ~ N(0, 1), S = √(V/ν), V ~ χ²_ν,
/// <code>
///   P(|T| &gt; c) = E_V[ Φ(δ − c·S) + Φ(−δ − c·S) ],
/// </code>
/// integrated over the χ² quantile u ∈ (0, 1) (V = F⁻¹_χ²(u)), where the integrand is bounded and smooth,
/// by Gauss–Legendre quadrature. Φ, F⁻¹_χ² and the t quantile c all come from MathNet.
/// </summary>
public static class TTestPower
{
    /// <summary>The power the trials-needed figures aim for.</summary>
    public const double TargetPower = 0.8;

    /// <summary>Largest sample size searched; beyond it the effect is reported as out of reach (null).</summary>
    public const int MaxUnits = 100_000;

    private const int QuadratureOrder = 512;

    /// <summary>
    /// Power of a two-sided level-<paramref name="alpha"/> t test with <paramref name="degreesOfFreedom"/>
    /// degrees of freedom when the statistic's noncentrality is <paramref name="noncentrality"/>
    /// (true effect divided by the true standard error).
    /// </summary>
    public static double TwoSided(double noncentrality, double degreesOfFreedom, double alpha = 0.05)
    {
        if (!(degreesOfFreedom > 0)) throw new ArgumentOutOfRangeException(nameof(degreesOfFreedom), degreesOfFreedom, "degrees of freedom must be positive");
        double c = StudentT.InvCDF(0, 1, degreesOfFreedom, 1 - alpha / 2);
        double delta = Math.Abs(noncentrality);
        double Conditional(double u)
        {
            double s = Math.Sqrt(ChiSquared.InvCDF(degreesOfFreedom, u) / degreesOfFreedom);
            return Normal.CDF(0, 1, delta - c * s) + Normal.CDF(0, 1, -delta - c * s);
        }
        return Math.Clamp(Integrate.GaussLegendre(Conditional, 0, 1, QuadratureOrder), 0, 1);
    }

    /// <summary>
    /// Smallest n ≥ <paramref name="minimum"/> for which <paramref name="power"/>(n) reaches
    /// <paramref name="target"/>, assuming power grows with n; null when even <see cref="MaxUnits"/> falls short.
    /// </summary>
    public static int? SmallestSize(Func<int, double> power, int minimum, double target = TargetPower)
    {
        if (power(minimum) >= target) return minimum;
        int lo = minimum, hi = minimum;
        while (power(hi) < target)
        {
            lo = hi;
            if (hi >= MaxUnits) return null;
            hi = Math.Min(MaxUnits, hi * 2);
        }
        while (hi - lo > 1) // power(lo) < target ≤ power(hi)
        {
            int mid = lo + (hi - lo) / 2;
            if (power(mid) >= target) hi = mid; else lo = mid;
        }
        return hi;
    }

    /// <summary>
    /// Units (trials per cell, or seeds) a one-sample/paired t test on n units with n − 1 degrees of
    /// freedom needs for 80 % power when the effect is <paramref name="standardizedEffect"/> standard
    /// deviations of one unit (Cohen's d: noncentrality d·√n). Null for a zero effect or one out of reach.
    /// </summary>
    public static int? OneSampleUnits(double standardizedEffect, double alpha = 0.05, int minimum = 2, double target = TargetPower)
    {
        if (!double.IsFinite(standardizedEffect) || standardizedEffect == 0) return null;
        double d = Math.Abs(standardizedEffect);
        return SmallestSize(n => TwoSided(d * Math.Sqrt(n), n - 1, alpha), minimum, target);
    }

    /// <summary>
    /// Units per group a pooled two-sample t test (2n − 2 degrees of freedom, equal groups) needs for
    /// 80 % power when the group means differ by <paramref name="standardizedEffect"/> standard deviations
    /// (noncentrality d·√(n/2)). Null for a zero effect or one out of reach.
    /// </summary>
    public static int? TwoSampleUnitsPerGroup(double standardizedEffect, double alpha = 0.05, int minimum = 2, double target = TargetPower)
    {
        if (!double.IsFinite(standardizedEffect) || standardizedEffect == 0) return null;
        double d = Math.Abs(standardizedEffect);
        return SmallestSize(n => TwoSided(d * Math.Sqrt(n / 2.0), 2 * n - 2, alpha), minimum, target);
    }
}
