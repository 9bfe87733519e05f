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
using ReproSpecs.Harness.Sharding;
using ReproSpecs.Harness.Statistics;
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
        var trials = new Option<string?>("--trials", "-k") { Description = $"Trials per cell, or 'auto' for a sequential design that adds trials until each hypothesis is decided (default: ${EnvironmentVariables.Trials} or the profile's, 3)." };
        var maxTrials = new Option<string?>("--max-trials") { Description = $"With --trials auto: the cap, trials per cell at the last look (default: ${EnvironmentVariables.MaxTrials} or {TrialPlan.DefaultCap})." };
        var margin = new Option<string?>("--equivalence-margin") { Description = $"With --trials auto: the smallest effect of interest on Relative PD in % (default: ${EnvironmentVariables.EquivalenceMargin} or {SequentialOptions.DefaultMarginPercent})." };
        var metricMargin = new Option<string?>("--metric-margin") { Description = $"With --trials auto: the smallest effect of interest on loss and accuracy in % (default: ${EnvironmentVariables.MetricMargin} or {SequentialOptions.DefaultMetricMarginPercent})." };
        var corpus = new Option<string?>("--corpus") { Description = $"Corpus file: a copy of Tiny Shakespeare or a UTF-8 text of your own (default: ${EnvironmentVariables.Corpus}, else the Tiny Shakespeare shipped with ReproSpecs)." };
        var threads = CommonOptions.Threads();
        var maxIters = new Option<string?>("--max-iters") { Description = "Override the profile's training steps (changes the config hash)." };
        var trainLossIters = CommonOptions.TrainLossIters();
        var workers = new Option<string?>("--workers", "-w") { Description = "Worker processes training the cells' trials (with --trials auto: the first look's) as a work queue over one results store, each with --threads libtorch threads (default: 1; processors / threads per worker keeps every core busy)." };
        var worker = new Option<int?>(WorkerPool.WorkerOption) { Hidden = true };
        var shard = new Option<string?>(OptionShardSource.Option)
        {
            Description = $"Train only shard INDEX/COUNT (0-based, e.g. 2/7) of the run's trials and write no cell record; join the shards with `reprospecs merge`. " +
                          $"Default: ${EnvironmentVariables.Shard}, else a Slurm array, Kubernetes Indexed Job or GitLab parallel job's variables (docs/scaling-contract.md).",
        };

        var command = new Command("run", "Train (model, activation) cells and write their results; finished trials are reused.")
        {
            profile, arch, activation, trials, maxTrials, margin, metricMargin, corpus, threads, maxIters, trainLossIters, results, workers, worker, shard,
        };
        command.SetAction(parse => CommonOptions.Guard(() =>
        {
            var p = Profiles.Get(parse.GetValue(profile)!);
            if (WholeNumber.Parse(parse.GetValue(maxIters), "--max-iters", 1) is { } iters) p = p with { MaxIters = iters };
            p = TrainLossItersSetting.Apply(p, parse.GetValue(trainLossIters));
            var plan = TrialPlan.Parse(
                Pick(parse.GetValue(trials), EnvironmentVariables.Trials, out string trialsName),
                Pick(parse.GetValue(maxTrials), EnvironmentVariables.MaxTrials, out string capName),
                Pick(parse.GetValue(margin), EnvironmentVariables.EquivalenceMargin, out string marginName), p.Trials, Alpha, trialsName, capName, marginName,
                Pick(parse.GetValue(metricMargin), EnvironmentVariables.MetricMargin, out string metricName), metricName);
            int k = plan.Fixed;
            var shardSpec = ShardSources.Resolve(parse.GetValue(shard));
            if (shardSpec is not null && plan.Sequential is not null) throw new Harness.ConfigurationException(RunShard.SequentialRefusal(shardSpec));
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
            if (shardSpec is not null) // a shard: its trials only, no cell record (the merge computes the cells)
                return RunShard.Run(context, store, models, activations, k, shardSpec, parse.GetValue(worker), parse.GetValue(workers), cancel.Token);
            if (parse.GetValue(worker) is { } slot) // a worker of a pool: train free trials, write no cell record
                return RunWorker.Train(context, store, models, activations, k, slot, cancel.Token);
            int pool = WholeNumber.Parse(parse.GetValue(workers), "--workers", 1, WholeNumber.MaxThreads) ?? 1; // opt-in: with several workers a store error (disk full) is not yet reported as one line
            var runner = new CellRunner(context, store, new LineProgress(Console.Error.WriteLine, TimeSpan.FromSeconds(2)));
            Console.Error.WriteLine($"profile {p.Name}: {models.Count} architecture(s) × {activations.Count} activation(s), {plan}, " +
                                    $"{CommonOptions.ThreadCount(TorchRuntime.Threads)}{(pool > 1 ? $", {pool} worker processes" : "")}, results in {store.Root}");
            // The pool trains the k trials every cell gets; the cells (and a sequential design's later looks) then run here.
            if (pool > 1 && WorkerPool.Run(Environment.GetCommandLineArgs().Skip(1).ToList(), pool, TorchRuntime.Threads, cancel.Token) is var failed and not 0)
                return failed;

            // Progress goes to stderr while cells train; the table is printed whole at the end (also after Ctrl+C, with the cells done).
            var rows = new List<string>();
            var verdicts = new List<string>();
            try
            {
                if (plan.Sequential is null) Train(rows);
                else Decide(rows, verdicts);
            }
            finally
            {
                if (rows.Count > 0)
                {
                    Console.WriteLine($"{"cell",-32} {"RelPD mean",10} {"[min–max]",19} {"top-1",7} {"val loss",16} {"acc",6} {"s/trial",8} {"reused",6} {"trials",6}");
                    rows.ForEach(Console.WriteLine);
                }
                verdicts.ForEach(Console.WriteLine);
            }
            return 0;

            // The sequential design: trials are added look by look to the cells an open hypothesis needs.
            void Decide(List<string> rows, List<string> lines)
            {
                bool includeH3 = models.Count == ModelRegistry.Names.Count;
                var decider = new StudyDecider((m, a, n, final) => runner.Run(m, a, n, cancel.Token, saveCell: final), context.Data.ValidationUnigramEntropy(), ScoredWeights.Last,
                    Console.Error.WriteLine);
                var decision = decider.Decide(models, includeH3, models, plan, Alpha, activations);
                StudyDecisionFiles.Save(store, decision, models, includeH3, p.Name, Alpha, ScoredWeights.Last,
                    RunProvenance.Capture(context.Device.type.ToString().ToLowerInvariant(), text.Sha256));
                foreach (var model in models)
                foreach (var act in activations)
                    if (decision.Cells.TryGetValue($"{model}/{act}", out var r)) rows.Add(Row(r));
                lines.Add("");
                lines.AddRange(decision.Verdicts.Select(v => v.Message));
            }

            void Train(List<string> rows)
            {
                foreach (var model in models)
                foreach (var act in activations)
                {
                    rows.Add(Row(runner.Run(model, act, k, cancel.Token)));
                }
            }
        }));
        return command;
    }

    /// <summary>The family-wise level of the run's hypotheses (the specs' too).</summary>
    private const double Alpha = 0.05;

    /// <summary>An option's value, else the environment variable's; <paramref name="name"/> says which, for error messages.</summary>
    private static string? Pick(string? option, string variable, out string name)
    {
        name = option is not null ? variable switch
        {
            EnvironmentVariables.Trials => "--trials",
            EnvironmentVariables.MaxTrials => "--max-trials",
            EnvironmentVariables.MetricMargin => "--metric-margin",
            _ => "--equivalence-margin",
        } : variable;
        return option ?? EnvironmentVariables.Get(variable);
    }

    /// <summary>One row of the summary table.</summary>
    private static string Row(CellResult r)
    {
        var s = r.Record.Summary;
        return s.Last is null
            ? $"{r.Record.Config.Label,-32} {s.DivergedTrials} of {r.Record.Trials.Count} trials diverged"
            : string.Create(CultureInfo.InvariantCulture,
                $"{r.Record.Config.Label,-32} {s.Last.RelativePd.Mean,10:F5} [{s.Last.RelativePd.Min:F5}–{s.Last.RelativePd.Max:F5}] {s.Last.Top1Disagreement.Mean,7:F4} {s.Last.Loss.Mean,8:F4} ± {s.Last.Loss.Std,5:F4} {s.Last.Accuracy.Mean,6:F3} {SecondsPerTrial(r),8:F1} {r.ReusedTrials,6} {r.Record.Trials.Count,6}");
    }

    /// <summary>Mean wall time of a trial (training, periodic evaluation and scoring, as each trial recorded it).</summary>
    private static double SecondsPerTrial(CellResult r) =>
        r.Record.Trials.Average(t => t.Timing.TrainSeconds + t.Timing.EvalSeconds + t.Timing.ScoreSeconds);
}
