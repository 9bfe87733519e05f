using System.Diagnostics;
using ReproSpecs.Harness.Cells;
using ReproSpecs.Harness.Results;
using ReproSpecs.Harness.Training;

namespace ReproSpecs.Harness.Benchmarks;

/// <summary>
/// Times a real cell in this process: its trials trained one after another by <see cref="CellRunner"/> (steps,
/// periodic evaluation, scoring, results written) into a results store of its own that is deleted afterwards, so
/// nothing is reused and the user's store is never touched.
/// </summary>
public static class CellBenchmark
{
    /// <summary>Wall seconds of the cell (<paramref name="model"/>, <paramref name="activation"/>) with <paramref name="trials"/> trials.</summary>
    public static double Run(ExperimentContext context, string model, string activation, int trials, IProgressSink? progress = null)
    {
        string root = Path.Combine(Path.GetTempPath(), $"reprospecs-bench-{Guid.NewGuid():N}");
        try
        {
            var clock = Stopwatch.StartNew();
            new CellRunner(context, new ResultStore(root), progress).Run(model, activation, trials);
            return clock.Elapsed.TotalSeconds;
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        }
    }
}
