using System.Globalization;
using ReproSpecs.Harness.Benchmarks;
using ReproSpecs.Harness.Training;

namespace ReproSpecs.Cli.Commands;

/// <summary>
/// The part of <c>reprospecs bench</c> a user plans with: trials per hour and a cell's wall time per architecture,
/// estimated from the measured parts of a trial (<see cref="TrialCost"/>), and with <c>--cell</c> measured on real
/// cells (<see cref="CellBenchmark"/>).
/// </summary>
internal static class BenchThroughput
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Prints the estimate table from each architecture's median step and scoring time (periodic evaluation is timed here).</summary>
    public static void PrintEstimates(ExperimentContext context, string activation, int trials, IReadOnlyList<BenchmarkResult> results)
    {
        var p = context.Profile;
        Console.WriteLine();
        Console.WriteLine($"Trials per hour at profile {p.Name}, estimated from the parts (one worker; steps × median step + periodic evaluations + {TrialCost.Scorings} scorings):");
        Console.WriteLine($"| model | train (s) | periodic eval (s) | score (s) | trial (s) | periodic eval share | cell of {trials} (s) | trials/hour |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            var cost = TrialCost.For(p, r.MedianMs, PeriodicEvalTiming.Measure(context, r.Model, activation), r.EvalSeconds);
            Console.WriteLine(string.Create(Inv,
                $"| {r.Model} | {cost.TrainSeconds:F1} | {cost.PeriodicEvalSeconds:F1} ({cost.Evaluations} × {cost.EvalSeconds:F2}) | {TrialCost.Scorings * cost.ScoreSeconds:F1} | {cost.TrialSeconds:F1} | {cost.PeriodicEvalShare:P0} | {cost.CellSeconds(trials):F0} | {cost.TrialsPerHour():F0} |"));
        }
    }

    /// <summary>
    /// Trains a real cell of <paramref name="trials"/> trials per architecture and prints its wall time and trials per hour:
    /// in this process with one worker, else through <c>reprospecs run --workers</c> (worker processes of
    /// <paramref name="threads"/> threads each) into a temporary store.
    /// </summary>
    public static void PrintMeasured(ExperimentContext context, IReadOnlyList<string> models, string activation, int trials, int threads, int workers)
    {
        var p = context.Profile;
        Console.WriteLine();
        Console.WriteLine($"Measured cells at profile {p.Name}: {trials} trials each (steps, periodic evaluation, scoring, results written), {workers} worker(s) × {CommonOptions.ThreadCount(threads)}:");
        Console.WriteLine("| model | workers × threads | cell wall (s) | per trial (s) | trials/hour |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var model in models)
        {
            double wall = workers <= 1 ? CellBenchmark.Run(context, model, activation, trials) : Pooled(p, model, activation, trials, threads, workers);
            Console.WriteLine(string.Create(Inv, $"| {model} | {workers} × {threads} | {wall:F1} | {wall / trials:F1} | {trials * 3600 / wall:F0} |"));
        }
    }

    /// <summary>Wall seconds of <c>reprospecs run --workers</c> on one cell into a temporary store (deleted afterwards).</summary>
    private static double Pooled(Harness.Records.Profile p, string model, string activation, int trials, int threads, int workers)
    {
        string root = Path.Combine(Path.GetTempPath(), $"reprospecs-bench-{Guid.NewGuid():N}");
        try
        {
            var info = WorkerPool.Self();
            info.RedirectStandardOutput = false; // the run's progress and table show as they come
            info.RedirectStandardError = false;
            string[] args = ["run", "--profile", p.Name, "--arch", model, "--activation", activation, "--trials", trials.ToString(Inv),
                "--max-iters", p.MaxIters.ToString(Inv), "--threads", threads.ToString(Inv), "--workers", workers.ToString(Inv), "--results", root];
            foreach (var a in args) info.ArgumentList.Add(a);
            if (p.TrainLossIters is { } n) { info.ArgumentList.Add("--train-loss-iters"); info.ArgumentList.Add(n.ToString(Inv)); }
            var clock = System.Diagnostics.Stopwatch.StartNew();
            using var run = System.Diagnostics.Process.Start(info)!;
            run.WaitForExit();
            if (run.ExitCode != 0) throw new Harness.ConfigurationException($"the pooled cell run of {model} failed (exit {run.ExitCode}); its output is above.");
            return clock.Elapsed.TotalSeconds;
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        }
    }
}
