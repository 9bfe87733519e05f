using System.Globalization;

namespace ReproSpecs.Harness.Benchmarks;

/// <summary>
/// Throughput of one piece of work repeated after warm-up: the best repetition (what the machine can do when
/// nothing else runs), the median (what it did most of the time) and the spread between the fastest and the
/// slowest, so a reader sees at once whether the machine was quiet. Pure arithmetic, no timing here.
/// </summary>
public sealed record RepeatedTimings
{
    /// <summary>Summarises <paramref name="seconds"/> (one entry per timed repetition) of work worth <paramref name="flops"/> each.</summary>
    /// <exception cref="ArgumentException">No repetition, a non-positive time or non-positive work.</exception>
    public RepeatedTimings(IReadOnlyList<double> seconds, double flops)
    {
        if (seconds.Count == 0) throw new ArgumentException("at least one timed repetition is needed", nameof(seconds));
        if (seconds.Any(s => !(s > 0) || !double.IsFinite(s))) throw new ArgumentException("every repetition must take a positive, finite time", nameof(seconds));
        if (!(flops > 0)) throw new ArgumentException("the work must be positive", nameof(flops));
        Repeats = seconds.Count;
        Flops = flops;
        BestSeconds = seconds.Min();
        MedianSeconds = Median(seconds);
        WorstSeconds = seconds.Max();
    }

    /// <summary>Timed repetitions.</summary>
    public int Repeats { get; }
    /// <summary>Work of one repetition.</summary>
    public double Flops { get; }
    /// <summary>Fastest repetition.</summary>
    public double BestSeconds { get; }
    /// <summary>Median repetition.</summary>
    public double MedianSeconds { get; }
    /// <summary>Slowest repetition.</summary>
    public double WorstSeconds { get; }

    /// <summary>GFLOP/s of the fastest repetition: the ceiling.</summary>
    public double BestGflops => Flops / BestSeconds / 1e9;
    /// <summary>GFLOP/s of the median repetition.</summary>
    public double MedianGflops => Flops / MedianSeconds / 1e9;
    /// <summary>GFLOP/s of the slowest repetition.</summary>
    public double WorstGflops => Flops / WorstSeconds / 1e9;

    /// <summary>(best − worst) / median throughput, in percent: about 0 on a quiet machine.</summary>
    public double SpreadPercent => 100.0 * (BestGflops - WorstGflops) / MedianGflops;

    /// <summary>"best 45.5, median 41.2 [30.3–45.5] GFLOP/s, spread 37 %, 12 reps".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"best {BestGflops:F1}, median {MedianGflops:F1} [{WorstGflops:F1}–{BestGflops:F1}] GFLOP/s, spread {SpreadPercent:F0} %, {Repeats} reps");

    /// <summary>Median of a non-empty list (the mean of the middle two for an even count).</summary>
    public static double Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0) throw new ArgumentException("the median of no values is undefined", nameof(values));
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : 0.5 * (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]);
    }
}
