namespace ReproSpecs.Harness.Statistics;

/// <summary>
/// The pre-registered looks of a sequential design: the trial counts per cell at which the hypotheses are
/// re-decided. The standard looks are 3, 5, 8, 12, 20, 30, 40, 60, 80, 120, … (roughly ×1.5, so each look adds
/// a similar share of information); looks at or above the cap are dropped and the cap is always the last look.
/// Fixing them before any data is seen is what lets the α-spending boundary control the error over all looks.
/// </summary>
public sealed record LookSchedule
{
    private static readonly int[] Standard = [3, 5, 8, 12, 20, 30, 40, 60, 80, 120, 160, 240, 320, 480, 640, 1000];

    private LookSchedule(IReadOnlyList<int> trials) => Trials = trials;

    /// <summary>Trials per cell at each look, increasing; the last is the cap.</summary>
    public IReadOnlyList<int> Trials { get; }

    /// <summary>Number of looks.</summary>
    public int Count => Trials.Count;

    /// <summary>The cap: trials per cell at the last look.</summary>
    public int Cap => Trials[^1];

    /// <summary>The information fraction of each look, K_j / K_cap (the variance of every estimate falls as 1/K).</summary>
    public IReadOnlyList<double> InformationFractions => Trials.Select(k => (double)k / Cap).ToArray();

    /// <summary>The standard looks up to <paramref name="cap"/> trials per cell (at least the first look, 3).</summary>
    /// <exception cref="ConfigurationException">The cap is below 3 trials, the fewest a comparison can decide on.</exception>
    public static LookSchedule UpTo(int cap)
    {
        if (cap < Standard[0])
            throw new ConfigurationException($"a sequential design needs a cap of at least {Standard[0]} trials per cell (the fewest a comparison can decide on), got {cap}. Fix: set REPROSPECS_MAX_TRIALS (or --max-trials) to {Standard[0]} or more.");
        return new LookSchedule([.. Standard.Where(k => k < cap), cap]);
    }

    /// <summary>An explicit schedule (strictly increasing, first look at least 3): for studies that pre-register their own looks.</summary>
    /// <exception cref="ConfigurationException">The looks are not strictly increasing, or the first is below 3.</exception>
    public static LookSchedule Of(IReadOnlyList<int> trials)
    {
        if (trials.Count == 0 || trials[0] < Standard[0] || trials.Zip(trials.Skip(1)).Any(p => p.Second <= p.First))
            throw new ConfigurationException($"looks must be strictly increasing trial counts starting at {Standard[0]} or more, got [{string.Join(", ", trials)}].");
        return new LookSchedule(trials.ToArray());
    }

    /// <summary>A single look at <paramref name="trials"/>: the fixed-K design.</summary>
    public static LookSchedule Fixed(int trials) => new([trials]);

    /// <inheritdoc />
    public override string ToString() => $"looks at K = {string.Join(", ", Trials)}";

    /// <inheritdoc />
    public bool Equals(LookSchedule? other) => other is not null && Trials.SequenceEqual(other.Trials);

    /// <inheritdoc />
    public override int GetHashCode() => Trials.Aggregate(17, (h, k) => h * 31 + k);
}
