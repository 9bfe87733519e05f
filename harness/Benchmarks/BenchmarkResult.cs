namespace ReproSpecs.Harness.Benchmarks;

/// <summary>Figures of one architecture at one profile (see <see cref="TrainingBenchmark.Run"/>).</summary>
/// <param name="Model">Architecture.</param>
/// <param name="Activation">Activation.</param>
/// <param name="Parameters">Trainable parameters.</param>
/// <param name="Steps">Timed steps (after warm-up).</param>
/// <param name="MedianMs">Median ms per training step.</param>
/// <param name="MinMs">Fastest step.</param>
/// <param name="MaxMs">Slowest step.</param>
/// <param name="TokensPerSecond">B·T per median step.</param>
/// <param name="ModelGflops">Model GFLOP/s at the median step (<see cref="ModelFlops"/>).</param>
/// <param name="CeilingGflops">The matmul ceiling measured in the same run.</param>
/// <param name="EvalSeconds">Median seconds to score the evaluation contexts once.</param>
/// <param name="EvalContexts">How many contexts were scored.</param>
/// <param name="Peaks">True peak resident memory of the process in each phase (VmHWM, reset before each).</param>
public sealed record BenchmarkResult(string Model, string Activation, long Parameters, int Steps, double MedianMs, double MinMs, double MaxMs,
    double TokensPerSecond, double ModelGflops, double CeilingGflops, double EvalSeconds, int EvalContexts, PhasePeaks Peaks)
{
    /// <summary>Model GFLOP/s as a fraction of the ceiling.</summary>
    public double CeilingRatio => ModelGflops / CeilingGflops;
}
