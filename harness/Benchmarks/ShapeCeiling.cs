using System.Globalization;

namespace ReproSpecs.Harness.Benchmarks;

/// <summary>
/// The matmul ceiling at a model's own GEMM shapes: each shape's repetitions, and the rate at which the step's whole
/// set of products would run if every one ran at its best time (total flops over total best time, each shape
/// weighted by how often a step performs it). Small or skinny products run far below a 2048² square; this is the
/// ceiling a model made of them can actually approach.
/// </summary>
public sealed record ShapeCeiling(IReadOnlyList<(GemmShape Shape, RepeatedTimings Timings)> Shapes)
{
    /// <summary>GFLOP/s of the step's products at their best times.</summary>
    public double BestGflops => Weighted(t => t.BestSeconds);

    /// <summary>GFLOP/s of the step's products at their median times.</summary>
    public double MedianGflops => Weighted(t => t.MedianSeconds);

    private double Weighted(Func<RepeatedTimings, double> seconds)
    {
        if (Shapes.Count == 0) return double.NaN;
        double flops = Shapes.Sum(s => s.Shape.Count * s.Shape.Flops);
        double time = Shapes.Sum(s => s.Shape.Count * seconds(s.Timings));
        return flops / time / 1e9;
    }

    /// <summary>"best 38.1, median 33.0 GFLOP/s over 9 shapes (4096×128×384: 41.0, …)".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"best {BestGflops:F1}, median {MedianGflops:F1} GFLOP/s over {Shapes.Count} shapes ({string.Join(", ", Shapes.Select(s => $"{s.Shape}: {s.Timings.BestGflops:F1}"))})");
}
