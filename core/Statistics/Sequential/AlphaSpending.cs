using MathNet.Numerics.Distributions;

namespace ReproSpecs.Harness.Statistics;

/// <summary>
/// The Lan–DeMets α-spending function of O'Brien–Fleming type (Lan &amp; DeMets 1983, Biometrika 70:659):
/// the error a two-sided level-α design may have spent by information fraction t is
/// α(t) = 2 − 2Φ(z_{1−α/2} / √t). It spends almost nothing early (at t = 0.075, the first of 40 looks' worth,
/// about 10⁻¹²) and nearly the whole α at the end, so a study that runs to its cap loses almost no power
/// against the fixed design, while a large effect still stops it early.
/// </summary>
public static class AlphaSpending
{
    /// <summary>α spent by information fraction <paramref name="t"/> ∈ (0, 1] for a two-sided level-<paramref name="alpha"/> design.</summary>
    public static double OBrienFlemingType(double t, double alpha)
    {
        if (!(t > 0) || t > 1 + 1e-12) throw new ArgumentOutOfRangeException(nameof(t), t, "the information fraction must lie in (0, 1]");
        if (!(alpha > 0 && alpha < 1)) throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "α must lie in (0, 1)");
        if (t >= 1) return alpha;
        double z = Normal.InvCDF(0, 1, 1 - alpha / 2);
        return 2 * Normal.CDF(0, 1, -z / Math.Sqrt(t));
    }
}
