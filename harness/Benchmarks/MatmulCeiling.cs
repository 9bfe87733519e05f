using System.Diagnostics;
using TorchSharp;
using static TorchSharp.torch;

namespace ReproSpecs.Harness.Benchmarks;

/// <summary>
/// The machine's practical fp32 ceiling: GFLOP/s of matmuls through libtorch, measured in the same process and thread
/// setting as the training it is compared with. Each measurement warms up (untimed repetitions for at least
/// <see cref="WarmupSeconds"/>), then times at least <see cref="MinRepeats"/> repetitions and at least
/// <see cref="MinSeconds"/> of work, so one quiet or one busy moment does not make the figure; it reports the best
/// repetition (the ceiling), the median and the spread (<see cref="RepeatedTimings"/>).
/// </summary>
public static class MatmulCeiling
{
    /// <summary>Untimed warm-up time per measurement (at least two repetitions).</summary>
    public const double WarmupSeconds = 0.3;
    /// <summary>Fewest timed repetitions.</summary>
    public const int MinRepeats = 10;
    /// <summary>Least timed work per measurement.</summary>
    public const double MinSeconds = 1.0;
    /// <summary>Most timed repetitions (tiny shapes reach <see cref="MinSeconds"/> only after many).</summary>
    public const int MaxRepeats = 2_000;

    /// <summary>An n×n by n×n product (2n³ flops).</summary>
    public static RepeatedTimings Measure(Device device, int n = 2048) => Measure(device, new GemmShape(n, n, n));

    /// <summary>Times <paramref name="shape"/>'s product after warm-up; <paramref name="minSeconds"/> of timed work at least.</summary>
    public static RepeatedTimings Measure(Device device, GemmShape shape, double minSeconds = MinSeconds)
    {
        using var scope = torch.NewDisposeScope();
        var a = torch.randn(shape.M, shape.K, device: device);
        var b = torch.randn(shape.K, shape.N, device: device);
        var warm = Stopwatch.StartNew();
        for (int i = 0; i < 2 || warm.Elapsed.TotalSeconds < WarmupSeconds; i++)
            using (a.matmul(b)) Sync(device);
        var times = new List<double>();
        var total = Stopwatch.StartNew();
        while (times.Count < MinRepeats || (total.Elapsed.TotalSeconds < minSeconds && times.Count < MaxRepeats))
        {
            var clock = Stopwatch.StartNew();
            using (a.matmul(b)) Sync(device);
            times.Add(clock.Elapsed.TotalSeconds);
        }
        return new RepeatedTimings(times, shape.Flops);
    }

    /// <summary>The ceiling at <paramref name="shapes"/> (a model's own products), each measured like the square.</summary>
    public static ShapeCeiling AtShapes(Device device, IReadOnlyList<GemmShape> shapes, double minSecondsPerShape = 0.3) =>
        new(shapes.Select(s => (s, Measure(device, s, minSecondsPerShape))).ToList());

    /// <summary>Waits for queued device work (a no-op on CPU, where libtorch is synchronous).</summary>
    public static void Sync(Device device)
    {
        if (device.type == DeviceType.CUDA) torch.cuda.synchronize();
    }

    /// <summary>Median of a non-empty list.</summary>
    public static double Median(IReadOnlyList<double> values) => RepeatedTimings.Median(values);
}
