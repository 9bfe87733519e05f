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
        var activation = new Option<string>("--activation", "-x") { Description = "Activation (with --sweep: comma-separated activations).", DefaultValueFactory = _ => "gelu" };
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
        var sweep = new Option<int?>("--sweep")
        {
            Description = $"Instead of timing: train this many consecutive trials of each chosen cell (--arch × --activation) in one process and check that resident memory stays within ±{MemorySweep.Tolerance:P0} of its value after the first trial (exit 1 if not).",
        };
        var device = new Option<string?>("--device") { Description = "Run on this device instead of the profile's: cpu or cuda (e.g. the full profile's memory on a CPU: --profile full --device cpu --steps 2 --warmup 1 --score-repeats 1)." };
        var scoreRepeats = new Option<int>("--score-repeats") { Description = "Times the evaluation contexts are scored (the median is reported).", DefaultValueFactory = _ => 3 };
        var workers = new Option<int>("--workers", "-w") { Description = "Worker processes for --cell (each with --threads threads).", DefaultValueFactory = _ => 1 };
        var command = new Command("bench", "Benchmark training and scoring against the machine's fp32 matmul ceiling; trials per hour.")
        {
            profile, arch, activation, steps, warmup, threads, corpus, memory, sweep, cell, trials, trainLossIters, device, scoreRepeats, workers,
        };
        command.SetAction(parse => CommonOptions.Guard(() =>
        {
            var p = TrainLossItersSetting.Apply(Profiles.Get(parse.GetValue(profile)!), parse.GetValue(trainLossIters));
            if (parse.GetValue(device) is { } d)
                p = p with
                {
                    Device = d.ToLowerInvariant() switch
                    {
                        "cpu" => DeviceKind.Cpu,
                        "cuda" => DeviceKind.Cuda,
                        _ => throw new Harness.ConfigurationException($"--device '{d}' is not a device. Fix: --device cpu or --device cuda."),
                    },
                };
            var models = CommonOptions.Expand(parse.GetValue(arch)!, ModelRegistry.Names, n => ModelRegistry.Get(n).Name);
            // One activation for timing and memory; --sweep takes a comma-separated list.
            var acts = parse.GetValue(activation)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(ActivationRegistry).ToList();
            string act = acts.FirstOrDefault() ?? throw new Harness.ConfigurationException("--activation is empty. Fix: name an activation, e.g. --activation gelu.");
            TorchRuntime.SetThreads(p.ResolveThreads(WholeNumber.Parse(parse.GetValue(threads), "--threads", 1, WholeNumber.MaxThreads)));
            var inv = CultureInfo.InvariantCulture;
            Console.WriteLine($"# reprospecs bench — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, profile {p.Name}, activation {act}, {CommonOptions.ThreadCount(TorchRuntime.Threads)}, {MachineDescription()}");

            if (parse.GetValue(memory) is { Length: > 0 } sampleAt)
            {
                var longProfile = p with { MaxIters = sampleAt.Max() };
                using var ctx = ExperimentContext.Create(longProfile, CorpusLoader.Load(CorpusOptions.FromEnvironment(parse.GetValue(corpus))));
                Console.WriteLine("| model | step | resident (MiB) | peak since previous sample (MiB) | live after GC + malloc_trim (MiB) |");
                Console.WriteLine("|---|---:|---:|---:|---:|");
                foreach (var model in models)
                {
                    var samples = TrainingBenchmark.MemoryOverSteps(ctx, model, act, sampleAt);
                    foreach (var m in samples)
                        Console.WriteLine(string.Create(inv, $"| {model} | {m.Step} | {m.ResidentMiB:F1} | {m.PeakMiB:F1} | {m.LiveMiB:F1} |"));
                    Console.WriteLine(string.Create(inv, $"# {model}: resident {100 * (samples[^1].ResidentMiB / samples[0].ResidentMiB - 1):+0.0;-0.0} % from step {samples[0].Step} to {samples[^1].Step}, peak {samples.Max(m => m.PeakMiB):F0} MiB"));
                }
                return 0;
            }

            if (parse.GetValue(sweep) is { } sweepTrials)
            {
                int perCell = WholeNumber.Parse(sweepTrials.ToString(inv), "--sweep", 3, WholeNumber.MaxTrials)!.Value;
                var cells = (from model in models from a in acts select (model, a)).ToList();
                using var ctx = ExperimentContext.Create(p, CorpusLoader.Load(CorpusOptions.FromEnvironment(parse.GetValue(corpus))));
                var swept = MemorySweep.Run(ctx, cells, perCell, new LineProgress(Console.Error.WriteLine, TimeSpan.FromSeconds(30)));
                Console.WriteLine("| trial | cell | resident at its start (MiB) | its peak (MiB) |");
                Console.WriteLine("|---:|---|---:|---:|");
                foreach (var t in swept) Console.WriteLine(string.Create(inv, $"| {t.Number} | {t.Cell} | {t.ResidentAtStartMiB:F1} | {t.PeakMiB:F1} |"));
                double memoryDrift = MemorySweep.Drift(swept);
                bool ok = memoryDrift <= MemorySweep.Tolerance;
                double machine = MachineMemoryMiB();
                Console.WriteLine(string.Create(inv,
                    $"# {swept.Count} trials: resident memory within {100 * memoryDrift:F1} % of its value after the first trial (allowed {MemorySweep.Tolerance:P0}): {(ok ? "pass" : "FAIL")}; " +
                    $"peak {swept.Max(t => t.PeakMiB):F0} MiB per process, so {Math.Max(1, (int)(machine / swept.Max(t => t.PeakMiB)))} such processes fit in this machine's {machine:F0} MiB"));
                return ok ? 0 : 1;
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
                var r = TrainingBenchmark.Run(context, model, act, before.BestGflops, parse.GetValue(steps), parse.GetValue(warmup),
                    WholeNumber.Parse(parse.GetValue(scoreRepeats).ToString(inv), "--score-repeats", 1, 1000)!.Value);
                measured.Add((r, shapes, share));
                Console.WriteLine(string.Create(inv, $"# {model}: {r.MedianMs:F1} ms/step; ceiling at its GEMM shapes ({share:P0} of its step's flops): {shapes}"));
            }
            var bracket = new CeilingBracket(before, MatmulCeiling.Measure(context.Device));
            Console.WriteLine($"# fp32 matmul ceiling after the models (2048²): {bracket.After}");
            if (bracket.Drift is { } drift) Console.WriteLine($"# warning: {drift}");
            Console.WriteLine("| model | params | ms/step median [min–max] | tokens/s | model GFLOP/s | ratio to 2048² ceiling | ratio to own-shape ceiling | score 1k ctx (s) | peak RSS train / periodic eval / score (MiB) |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var (r, shapes, share) in measured)
                Console.WriteLine(string.Create(inv,
                    $"| {r.Model} | {r.Parameters:N0} | {r.MedianMs:F1} [{r.MinMs:F1}–{r.MaxMs:F1}] | {r.TokensPerSecond:N0} | {r.ModelGflops:F1} | {new CeilingRatio(r.ModelGflops, bracket.BestGflops)} | {(share >= ModelShapes.MinShare ? new CeilingRatio(r.ModelGflops, shapes.BestGflops).ToString() : $"— (linear layers: {share:P0} of the flops)")} | {r.EvalSeconds:F2} | {r.Peaks.Training:F0} / {r.Peaks.PeriodicEvaluation:F0} / {r.Peaks.Scoring:F0}{(r.Peaks.Resettable ? "" : " (not resettable: peaks so far)")} |"));
            int k = WholeNumber.Parse(parse.GetValue(trials).ToString(CultureInfo.InvariantCulture), "--trials", 2, WholeNumber.MaxTrials)!.Value;
            BenchThroughput.PrintEstimates(context, act, k, measured.Select(m => m.Result).ToList());
            if (parse.GetValue(cell)) BenchThroughput.PrintMeasured(context, models, act, k, TorchRuntime.Threads, Math.Max(1, parse.GetValue(workers)));
            return 0;
        }));
        return command;
    }

    /// <summary>The machine's memory in MiB (MemTotal; the GC's view where /proc is absent).</summary>
    private static double MachineMemoryMiB()
    {
        const string meminfo = "/proc/meminfo";
        if (File.Exists(meminfo))
            foreach (var line in File.ReadLines(meminfo))
                if (line.StartsWith("MemTotal:", StringComparison.Ordinal))
                    return double.Parse(line["MemTotal:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0;
        return GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1048576.0;
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
