using System.Diagnostics;
using TorchSharp;
using static TorchSharp.torch;

namespace ReproSpecs.Harness.Benchmarks;

/// <summary>
/// The machine's practical fp32 ceiling: GFLOP/s of an n×n by n×n matmul through libtorch (2n³ flops),
/// measured in the same process and thread setting as the training it is compared with.
/// </summary>
public static class MatmulCeiling
{
    /// <summary>Median GFLOP/s over <paramref name="repeats"/> timed matmuls after two untimed ones.</summary>
    public static double Measure(Device device, int n = 2048, int repeats = 10)
    {
        using var scope = torch.NewDisposeScope();
        var a = torch.randn(n, n, device: device);
        var b = torch.randn(n, n, device: device);
        var times = new List<double>();
        for (int i = 0; i < repeats + 2; i++)
        {
            var clock = Stopwatch.StartNew();
            using (var c = a.matmul(b)) Sync(device);
            if (i >= 2) times.Add(clock.Elapsed.TotalSeconds);
        }
        return 2.0 * n * n * n / Median(times) / 1e9;
    }

    /// <summary>Waits for queued device work (a no-op on CPU, where libtorch is synchronous).</summary>
    public static void Sync(Device device)
    {
        if (device.type == DeviceType.CUDA) torch.cuda.synchronize();
    }

    /// <summary>Median of a non-empty list.</summary>
    public static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : 0.5 * (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]);
    }
}
