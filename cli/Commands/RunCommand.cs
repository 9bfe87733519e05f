using System.CommandLine;
using System.Globalization;
using ReproSpecs.Harness.Design;
using ReproSpecs.Harness.Activations;
using ReproSpecs.Harness.Cells;
using ReproSpecs.Harness.Configuration;
using ReproSpecs.Harness.Data;
using ReproSpecs.Harness.Models;
using ReproSpecs.Harness.Records;
using ReproSpecs.Harness.Results;
using ReproSpecs.Harness.Runtime;
using ReproSpecs.Harness.Training;

namespace ReproSpecs.Cli.Commands;

/// <summary><c>reprospecs run</c>: trains cells into the results store (resuming finished trials) and prints a summary.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var profile = CommonOptions.Profile();
        var results = CommonOptions.Results();
        var arch = new Option<string[]>("--arch", "-a")
        {
            Description = $"Architectures, comma-separated or 'all' ({string.Join(", ", ModelRegistry.Names)}).",
            DefaultValueFactory = _ => ["all"],
            AllowMultipleArgumentsPerToken = true,
        };
        var activation = new Option<string[]>("--activation", "-x")
        {
            Description = $"Activations, comma-separated or 'all' (the study's six: {string.Join(", ", StudyDesign.Study.ActivationNames)}); any registered name works.",
            DefaultValueFactory = _ => ["all"],
            AllowMultipleArgumentsPerToken = true,
        };
        var trials = new Option<string?>("--trials", "-k") { Description = $"Trials per cell (default: ${EnvironmentVariables.Trials} or the profile's, 3)." };
        var corpus = new Option<string?>("--corpus") { Description = $"Corpus file: a copy of Tiny Shakespeare or a UTF-8 text of your own (default: ${EnvironmentVariables.Corpus}, else the Tiny Shakespeare shipped with ReproSpecs)." };
        var threads = CommonOptions.Threads();
        var maxIters = new Option<string?>("--max-iters") { Description = "Override the profile's training steps (changes the config hash)." };
        var trainLossIters = CommonOptions.TrainLossIters();
        var workers = new Option<string?>("--workers", "-w") { Description = "Worker processes training the cells' trials as a work queue over one results store, each with --threads libtorch threads (default: processors / threads per worker)." };
        var worker = new Option<int?>(WorkerPool.WorkerOption) { Hidden = true };

        var command = new Command("run", "Train (model, activation) cells and write their results; finished trials are reused.")
        {
            profile, arch, activation, trials, corpus, threads, maxIters, trainLossIters, results, workers, worker,
        };
        command.SetAction(parse => CommonOptions.Guard(() =>
        {
            var p = Profiles.Get(parse.GetValue(profile)!);
            if (WholeNumber.Parse(parse.GetValue(maxIters), "--max-iters", 1) is { } iters) p = p with { MaxIters = iters };
            p = TrainLossItersSetting.Apply(p, parse.GetValue(trainLossIters));
            int k = WholeNumber.Parse(parse.GetValue(trials), "--trials", 2, WholeNumber.MaxTrials)
                    ?? WholeNumber.FromEnvironment(EnvironmentVariables.Trials, 2, WholeNumber.MaxTrials) ?? p.Trials;
            int? threadCount = WholeNumber.Parse(parse.GetValue(threads), "--threads", 1, WholeNumber.MaxThreads);
            p = p with { Trials = k };
            var models = CommonOptions.Expand(parse.GetValue(arch)!, ModelRegistry.Names, n => ModelRegistry.Get(n).Name);
            var activations = CommonOptions.Expand(parse.GetValue(activation)!, StudyDesign.Study.ActivationNames, n => ActivationRegistry.Get(n).Name);
            p.Validate();
            DeviceResolver.Resolve(p.Device); // a GPU profile without CUDA fails here, before the corpus is even read

            TorchRuntime.SetThreads(p.ResolveThreads(threadCount));
            using var cancel = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };

            var text = CorpusLoader.Load(CorpusOptions.FromEnvironment(parse.GetValue(corpus)));
            var store = ResultStore.For(parse.GetValue(results)!, text);
            using var context = ExperimentContext.Create(p, text);
            if (parse.GetValue(worker) is { } slot) // a worker of a pool: train free trials, write no cell record
                return RunWorker.Train(context, store, models, activations, k, slot, cancel.Token);
            int pool = WholeNumber.Parse(parse.GetValue(workers), "--workers", 1, WholeNumber.MaxThreads) ?? WorkerPool.DefaultCount(TorchRuntime.Threads, models.Count * activations.Count * k);
            var runner = new CellRunner(context, store, new LineProgress(Console.Error.WriteLine, TimeSpan.FromSeconds(2)));
            Console.Error.WriteLine($"profile {p.Name}: {models.Count} architecture(s) × {activations.Count} activation(s) × {k} trials, " +
                                    $"{CommonOptions.ThreadCount(TorchRuntime.Threads)}{(pool > 1 ? $", {pool} worker processes" : "")}, results in {store.Root}");
            if (pool > 1 && WorkerPool.Run(Environment.GetCommandLineArgs().Skip(1).ToList(), pool, TorchRuntime.Threads, cancel.Token) is var failed and not 0)
                return failed;

            // Progress goes to stderr while cells train; the table is printed whole at the end (also after Ctrl+C, with the cells done).
            var rows = new List<string>();
            try
            {
                Train(rows);
            }
            finally
            {
                if (rows.Count > 0)
                {
                    Console.WriteLine($"{"cell",-32} {"RelPD mean",10} {"[min–max]",19} {"top-1",7} {"val loss",16} {"acc",6} {"s/trial",8} {"reused",6}");
                    rows.ForEach(Console.WriteLine);
                }
            }
            return 0;

            void Train(List<string> rows)
            {
                foreach (var model in models)
                foreach (var act in activations)
                {
                    var r = runner.Run(model, act, k, cancel.Token);
                    var s = r.Record.Summary;
                    string line = s.Last is null
                        ? $"{r.Record.Config.Label,-32} {s.DivergedTrials} of {r.Record.Trials.Count} trials diverged"
                        : string.Create(CultureInfo.InvariantCulture,
                            $"{r.Record.Config.Label,-32} {s.Last.RelativePd.Mean,10:F5} [{s.Last.RelativePd.Min:F5}–{s.Last.RelativePd.Max:F5}] {s.Last.Top1Disagreement.Mean,7:F4} {s.Last.Loss.Mean,8:F4} ± {s.Last.Loss.Std,5:F4} {s.Last.Accuracy.Mean,6:F3} {SecondsPerTrial(r),8:F1} {r.ReusedTrials,6}");
                    rows.Add(line);
                }
            }
        }));
        return command;
    }

    /// <summary>Mean wall time of a trial (training, periodic evaluation and scoring, as each trial recorded it).</summary>
    private static double SecondsPerTrial(CellResult r) =>
        r.Record.Trials.Average(t => t.Timing.TrainSeconds + t.Timing.EvalSeconds + t.Timing.ScoreSeconds);
}
