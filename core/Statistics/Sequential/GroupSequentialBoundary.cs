using System.Collections.Concurrent;
using MathNet.Numerics.Distributions;

namespace ReproSpecs.Harness.Statistics;

/// <summary>
/// Two-sided group-sequential critical values for a spending function (<see cref="AlphaSpending"/>): at look j the
/// test rejects when |Z_j| ≥ c_j, and the c_j are chosen so that under the null the chance of first crossing at
/// look j is exactly the α spent between looks j − 1 and j. Computed by the recursive numerical integration of
/// Armitage, McPherson &amp; Rowe (1969) as Jennison &amp; Turnbull (2000, ch. 19) present it: the score
/// S_j = Z_j·√t_j has independent Gaussian increments, so the density of S_j on the paths that have not yet
/// crossed is the previous look's density, cut to the continuation region, convolved with the increment.
/// <para>
/// The harness's statistics are t tests with few degrees of freedom, not Z tests; it applies the boundary through
/// its nominal level (reject at look j when the look's two-sided p ≤ <see cref="NominalLevels"/>[j]), the usual
/// practice for t statistics, and checks the resulting error rate by simulation (tests/Statistics/SequentialCalibrationTests.cs).
/// </para>
/// </summary>
public sealed class GroupSequentialBoundary
{
    private const double Step = 0.004;       // grid step on the score scale (the first look's sd is ≥ 0.27 for caps ≤ 40)
    private const double Reach = 10;          // the score's sd is ≤ 1, so ±10 holds every path that matters
    private const double MaxCritical = 38;    // a look that spends ~0 gets a boundary no statistic reaches

    private static readonly ConcurrentDictionary<(string, double), GroupSequentialBoundary> Cache = new();

    private GroupSequentialBoundary(IReadOnlyList<double> fractions, double alpha, double[] critical, double[] spent)
    {
        Fractions = fractions;
        Alpha = alpha;
        Critical = critical;
        Spent = spent;
        NominalLevels = critical.Select(c => 2 * Normal.CDF(0, 1, -c)).ToArray();
    }

    /// <summary>Information fraction of each look.</summary>
    public IReadOnlyList<double> Fractions { get; }

    /// <summary>The design's two-sided level.</summary>
    public double Alpha { get; }

    /// <summary>Critical |Z| at each look.</summary>
    public IReadOnlyList<double> Critical { get; }

    /// <summary>Cumulative α spent by each look.</summary>
    public IReadOnlyList<double> Spent { get; }

    /// <summary>The two-sided nominal significance level of each look's boundary: 2(1 − Φ(c_j)).</summary>
    public IReadOnlyList<double> NominalLevels { get; }

    /// <summary>The O'Brien–Fleming-type boundary of <paramref name="schedule"/> at two-sided level <paramref name="alpha"/> (memoised).</summary>
    public static GroupSequentialBoundary For(LookSchedule schedule, double alpha) =>
        Cache.GetOrAdd((string.Join(",", schedule.Trials), alpha), _ => Compute(schedule.InformationFractions, alpha));

    /// <summary>
    /// Computes the boundary for information fractions <paramref name="fractions"/> (increasing, in (0, 1]); the
    /// cumulative α spent by fraction t is <paramref name="spending"/>(t), by default <see cref="AlphaSpending.OBrienFlemingType"/>.
    /// </summary>
    public static GroupSequentialBoundary Compute(IReadOnlyList<double> fractions, double alpha, Func<double, double>? spending = null)
    {
        spending ??= t => AlphaSpending.OBrienFlemingType(t, alpha);
        if (fractions.Count == 0 || fractions.Zip(fractions.Skip(1)).Any(p => p.Second <= p.First))
            throw new ArgumentException("information fractions must be strictly increasing", nameof(fractions));
        int n = (int)Math.Round(2 * Reach / Step) + 1;
        var grid = new double[n];
        for (int i = 0; i < n; i++) grid[i] = -Reach + i * Step;
        var critical = new double[fractions.Count];
        var spent = new double[fractions.Count];
        double[] density = new double[n];
        double previousSpent = 0, previousT = 0;
        double[]? continued = null;
        for (int j = 0; j < fractions.Count; j++)
        {
            double t = fractions[j];
            spent[j] = spending(t);
            double increment = Math.Max(0, spent[j] - previousSpent);
            if (continued is null)
            {
                double sd = Math.Sqrt(t);
                for (int i = 0; i < n; i++) density[i] = Normal.PDF(0, sd, grid[i]);
                critical[j] = increment <= 0 ? MaxCritical : Math.Min(MaxCritical, Normal.InvCDF(0, 1, 1 - increment / 2));
            }
            else
            {
                density = Convolve(continued, grid, Math.Sqrt(t - previousT));
                critical[j] = Solve(density, grid, Math.Sqrt(t), increment);
            }
            // Keep the paths that did not cross, for the next look.
            double bound = critical[j] * Math.Sqrt(t);
            continued = new double[n];
            for (int i = 0; i < n; i++) continued[i] = Math.Abs(grid[i]) < bound ? density[i] : 0;
            previousSpent = spent[j];
            previousT = t;
        }
        return new GroupSequentialBoundary(fractions.ToArray(), alpha, critical, spent);
    }

    private static double[] Convolve(double[] source, double[] grid, double sd)
    {
        int n = grid.Length;
        var result = new double[n];
        int width = (int)Math.Ceiling(9 * sd / Step);
        var kernel = new double[2 * width + 1];
        for (int d = -width; d <= width; d++) kernel[d + width] = Normal.PDF(0, sd, d * Step) * Step;
        for (int u = 0; u < n; u++)
        {
            double w = source[u];
            if (w == 0) continue;
            int lo = Math.Max(0, u - width), hi = Math.Min(n - 1, u + width);
            for (int s = lo; s <= hi; s++) result[s] += w * kernel[s - u + width];
        }
        return result;
    }

    /// <summary>The critical |Z| whose two tails hold <paramref name="target"/> of <paramref name="density"/>'s mass.</summary>
    private static double Solve(double[] density, double[] grid, double sdAtLook, double target)
    {
        if (target <= 0) return MaxCritical;
        double Tail(double z)
        {
            double b = z * sdAtLook, sum = 0;
            for (int i = 0; i < grid.Length; i++)
            {
                double a = Math.Abs(grid[i]);
                // The grid point's cell [a − h/2, a + h/2], counted for the part beyond b (linear share).
                double share = Math.Clamp((a + Step / 2 - b) / Step, 0, 1);
                sum += share * density[i];
            }
            return sum * Step;
        }
        double low = 0, high = MaxCritical;
        if (Tail(high) >= target) return MaxCritical;
        for (int iteration = 0; iteration < 60; iteration++)
        {
            double mid = (low + high) / 2;
            if (Tail(mid) > target) low = mid; else high = mid;
        }
        return (low + high) / 2;
    }
}
