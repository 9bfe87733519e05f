using System.Globalization;

namespace ReproSpecs.Harness.Benchmarks;

/// <summary>
/// The square-matmul ceiling measured just before and just after the models it is compared with. Ratios use the
/// higher of the two best repetitions (a model compared with a ceiling read while the machine was busy would look
/// faster than it is); a large change between the two says the machine's speed moved during the run.
/// </summary>
/// <param name="Before">Measured before the first model.</param>
/// <param name="After">Measured after the last model.</param>
public sealed record CeilingBracket(RepeatedTimings Before, RepeatedTimings After)
{
    /// <summary>Relative change of the median between the two readings above which <see cref="Drift"/> warns.</summary>
    public const double DriftWarning = 0.2;

    /// <summary>The ceiling ratios are taken against: the better of the two best repetitions.</summary>
    public double BestGflops => Math.Max(Before.BestGflops, After.BestGflops);

    /// <summary>A warning when the medians before and after differ by more than <see cref="DriftWarning"/>, else null.</summary>
    public string? Drift
    {
        get
        {
            double change = Math.Abs(Before.MedianGflops - After.MedianGflops) / Math.Max(Before.MedianGflops, After.MedianGflops);
            return change > DriftWarning
                ? string.Create(CultureInfo.InvariantCulture,
                    $"the machine's speed changed during the run: median ceiling {Before.MedianGflops:F1} before, {After.MedianGflops:F1} GFLOP/s after ({100 * change:F0} %); compare figures within one run only")
                : null;
        }
    }
}
