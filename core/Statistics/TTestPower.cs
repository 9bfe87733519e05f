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

    private const int QuadratureOrder = 128; // error < 3e-6 against order 1024 for ν ∈ [1, 10⁵], δ ∈ [0, 20]

    /// <summary>
    /// Power of a two-sided level-<paramref name="alpha"/> t test with <paramref name="degreesOfFreedom"/>
    /// degrees of freedom when the statistic's noncentrality is <paramref name="noncentrality"/>
    /// (true effect divided by the true standard error).
    /// </summary>
    public static double TwoSided(double noncentrality, double degreesOfFreedom, double alpha = 0.05)
    {
        if (!(degreesOfFreedom > 0)) throw new ArgumentOutOfRangeException(nameof(degreesOfFreedom), degreesOfFreedom, "degrees of freedom must be positive");
        return Exceedance(noncentrality, degreesOfFreedom, TTest.Quantile(degreesOfFreedom, 1 - alpha / 2));
    }

    /// <summary>
    /// P(|T| &gt; <paramref name="critical"/>) for T noncentral t with <paramref name="degreesOfFreedom"/> degrees
    /// of freedom and noncentrality <paramref name="noncentrality"/> (the power at any critical value).
    /// </summary>
    public static double Exceedance(double noncentrality, double degreesOfFreedom, double critical)
    {
        if (!(degreesOfFreedom > 0)) throw new ArgumentOutOfRangeException(nameof(degreesOfFreedom), degreesOfFreedom, "degrees of freedom must be positive");
        double delta = Math.Abs(noncentrality), c = Math.Abs(critical), root = Math.Sqrt(degreesOfFreedom);
        // t = √V is chi-distributed: smooth, with a bounded density even at ν = 1, and concentrated within
        // a few units of √ν for every ν (its sd is below 0.71), so ±9 around √ν leaves out less than 1e-18.
        double Conditional(double t)
        {
            double s = t / root;
            return (Normal.CDF(0, 1, delta - c * s) + Normal.CDF(0, 1, -delta - c * s)) * Chi.PDF(degreesOfFreedom, t);
        }
        double lo = Math.Max(0, root - 9), hi = root + 9;
        return Math.Clamp(Integrate.GaussLegendre(Conditional, lo, hi, QuadratureOrder), 0, 1);
    }

    /// <summary>
    /// Smallest n ≥ <paramref name="minimum"/> for which <paramref name="power"/>(n) reaches
    /// <paramref name="target"/>, assuming power grows with n, searched from <paramref name="start"/> (a
    /// normal-theory guess with Guenther's small-sample correction, which is within one or two of the answer,
    /// so a few evaluations suffice); null when it exceeds <see cref="MaxUnits"/>.
    /// </summary>
    public static int? SmallestSize(Func<int, double> power, int minimum, double start, double target = TargetPower)
    {
        if (!(start <= MaxUnits)) return null;
        int n = Math.Max(minimum, (int)Math.Ceiling(start));
        while (n > minimum && power(n - 1) >= target) n--;
        while (power(n) < target)
            if (++n > MaxUnits) return null;
        return n;
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
        double z = (Normal.InvCDF(0, 1, 1 - alpha / 2) + Normal.InvCDF(0, 1, target)) / d;
        double za = Normal.InvCDF(0, 1, 1 - alpha / 2);
        return SmallestSize(n => TwoSided(d * Math.Sqrt(n), n - 1, alpha), minimum, z * z + za * za / 2, target);
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
        double z = (Normal.InvCDF(0, 1, 1 - alpha / 2) + Normal.InvCDF(0, 1, target)) / d;
        double za = Normal.InvCDF(0, 1, 1 - alpha / 2);
        return SmallestSize(n => TwoSided(d * Math.Sqrt(n / 2.0), 2 * n - 2, alpha), minimum, 2 * z * z + za * za / 4, target);
    }
}
