using System.CommandLine;
using System.Globalization;
using ReproSpecs.Harness.Benchmarks;
using ReproSpecs.Harness.Configuration;
using ReproSpecs.Harness.Data;
using ReproSpecs.Harness.Models;
using ReproSpecs.Harness.Records;
using ReproSpecs.Harness.Runtime;
using ReproSpecs.Harness.Training;

namespace ReproSpecs.Cli.Commands;

/// <summary>
/// <c>reprospecs bench</c>: training speed against the machine's matmul ceiling, scoring time and memory.
/// Prints figures; speed targets live here, never in timed unit tests.
/// </summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var profile = CommonOptions.Profile(fallback: "cpu");
        var arch = new Option<string[]>("--arch", "-a") { Description = "Architectures, comma-separated or 'all'.", DefaultValueFactory = _ => ["all"], AllowMultipleArgumentsPerToken = true };
        var activation = new Option<string>("--activation", "-x") { Description = "Activation.", DefaultValueFactory = _ => "gelu" };
        var steps = new Option<int>("--steps") { Description = "Timed training steps per architecture (after warm-up).", DefaultValueFactory = _ => 20 };
        var warmup = new Option<int>("--warmup") { Description = "Untimed warm-up steps.", DefaultValueFactory = _ => 3 };
        var threads = CommonOptions.Threads();
        var corpus = new Option<string?>("--corpus") { Description = $"Corpus file (default: ${EnvironmentVariables.Corpus}, else the Tiny Shakespeare shipped with ReproSpecs)." };
        var memory = new Option<int[]?>("--memory-steps")
        {
            Description = "Instead of timing: train one real trial up to the largest of these steps and print resident memory at each (e.g. 200 2000).",
            AllowMultipleArgumentsPerToken = true,
        };
        var cell = new Option<bool>("--cell") { Description = "Also train one real cell per architecture (its trials, periodic evaluation and scoring, into a temporary store) and print its wall time and trials per hour." };
        var trials = new Option<int>("--trials", "-k") { Description = "Trials per cell for the trials-per-hour figures.", DefaultValueFactory = _ => 3 };
        var trainLossIters = CommonOptions.TrainLossIters();
        var workers = new Option<int>("--workers", "-w") { Description = "Worker processes for --cell (each with --threads threads).", DefaultValueFactory = _ => 1 };
        var command = new Command("bench", "Benchmark training and scoring against the machine's fp32 matmul ceiling; trials per hour.")
        {
            profile, arch, activation, steps, warmup, threads, corpus, memory, cell, trials, trainLossIters, workers,
        };
        command.SetAction(parse => CommonOptions.Guard(() =>
        {
            var p = TrainLossItersSetting.Apply(Profiles.Get(parse.GetValue(profile)!), parse.GetValue(trainLossIters));
            var models = CommonOptions.Expand(parse.GetValue(arch)!, ModelRegistry.Names, n => ModelRegistry.Get(n).Name);
            string act = ActivationRegistry(parse.GetValue(activation)!);
            TorchRuntime.SetThreads(p.ResolveThreads(WholeNumber.Parse(parse.GetValue(threads), "--threads", 1, WholeNumber.MaxThreads)));
            var inv = CultureInfo.InvariantCulture;
            Console.WriteLine($"# reprospecs bench — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, profile {p.Name}, activation {act}, {CommonOptions.ThreadCount(TorchRuntime.Threads)}, {MachineDescription()}");

            if (parse.GetValue(memory) is { Length: > 0 } sampleAt)
            {
                var longProfile = p with { MaxIters = sampleAt.Max() };
                using var ctx = ExperimentContext.Create(longProfile, CorpusLoader.Load(CorpusOptions.FromEnvironment(parse.GetValue(corpus))));
                foreach (var model in models)
                {
                    var samples = TrainingBenchmark.MemoryOverSteps(ctx, model, act, sampleAt);
                    Console.WriteLine(string.Join("  ", samples.Select(s => string.Create(inv, $"{model} step {s.Step}: {s.RssMiB:F1} MiB"))) +
                        string.Create(inv, $"  (growth {100 * (samples[^1].RssMiB / samples[0].RssMiB - 1):+0.0;-0.0} %)"));
                }
                return 0;
            }

            using var context = ExperimentContext.Create(p, CorpusLoader.Load(CorpusOptions.FromEnvironment(parse.GetValue(corpus))));
            // The ceiling is read before and after the models and at each model's own GEMM shapes (docs/benchmarks.md).
            var before = MatmulCeiling.Measure(context.Device);
            Console.WriteLine($"# fp32 matmul ceiling before the models (2048²): {before}");
            var measured = new List<(BenchmarkResult Result, ShapeCeiling Shapes, double Share)>();
            foreach (var model in models)
            {
                var (gemms, share) = ModelShapes.For(context, model, act);
                var shapes = MatmulCeiling.AtShapes(context.Device, gemms);
                var r = TrainingBenchmark.Run(context, model, act, before.BestGflops, parse.GetValue(steps), parse.GetValue(warmup));
                measured.Add((r, shapes, share));
                Console.WriteLine(string.Create(inv, $"# {model}: {r.MedianMs:F1} ms/step; ceiling at its GEMM shapes ({share:P0} of its step's flops): {shapes}"));
            }
            var bracket = new CeilingBracket(before, MatmulCeiling.Measure(context.Device));
            Console.WriteLine($"# fp32 matmul ceiling after the models (2048²): {bracket.After}");
            if (bracket.Drift is { } drift) Console.WriteLine($"# warning: {drift}");
            Console.WriteLine("| model | params | ms/step median [min–max] | tokens/s | model GFLOP/s | ratio to 2048² ceiling | ratio to own-shape ceiling | score 1k ctx (s) | peak RSS (MiB) |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var (r, shapes, share) in measured)
                Console.WriteLine(string.Create(inv,
                    $"| {r.Model} | {r.Parameters:N0} | {r.MedianMs:F1} [{r.MinMs:F1}–{r.MaxMs:F1}] | {r.TokensPerSecond:N0} | {r.ModelGflops:F1} | {new CeilingRatio(r.ModelGflops, bracket.BestGflops)} | {(share >= ModelShapes.MinShare ? new CeilingRatio(r.ModelGflops, shapes.BestGflops).ToString() : $"— (linear layers: {share:P0} of the flops)")} | {r.EvalSeconds:F2} | {r.PeakRssMiB:F0} |"));
            int k = WholeNumber.Parse(parse.GetValue(trials).ToString(CultureInfo.InvariantCulture), "--trials", 2, WholeNumber.MaxTrials)!.Value;
            BenchThroughput.PrintEstimates(context, act, k, measured.Select(m => m.Result).ToList());
            if (parse.GetValue(cell)) BenchThroughput.PrintMeasured(context, models, act, k, TorchRuntime.Threads, Math.Max(1, parse.GetValue(workers)));
            return 0;
        }));
        return command;
    }

    private static string ActivationRegistry(string name) => Harness.Activations.ActivationRegistry.Get(name).Name;

    private static string MachineDescription()
    {
        try
        {
            var model = File.Exists("/proc/cpuinfo")
                ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
                : null;
            return $"{Environment.ProcessorCount} CPUs{(model is null ? "" : $" ({model})")}";
        }
        catch (IOException)
        {
            return $"{Environment.ProcessorCount} CPUs";
        }
    }
}
