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

    /// <summary>Trains a real cell of <paramref name="trials"/> trials per architecture and prints its wall time and trials per hour.</summary>
    public static void PrintMeasured(ExperimentContext context, IReadOnlyList<string> models, string activation, int trials, int threads)
    {
        Console.WriteLine();
        Console.WriteLine($"Measured cells at profile {context.Profile.Name}: {trials} trials each (steps, periodic evaluation, scoring, results written), one worker × {CommonOptions.ThreadCount(threads)}:");
        Console.WriteLine("| model | cell wall (s) | per trial (s) | trials/hour |");
        Console.WriteLine("|---|---:|---:|---:|");
        foreach (var model in models)
        {
            double wall = CellBenchmark.Run(context, model, activation, trials);
            Console.WriteLine(string.Create(Inv, $"| {model} | {wall:F1} | {wall / trials:F1} | {trials * 3600 / wall:F0} |"));
        }
    }
}
