using System.Globalization;
using ReproSpecs.Harness.Cells;
using ReproSpecs.Harness.Configuration;
using ReproSpecs.Harness.Records;
using ReproSpecs.Harness.Results;
using ReproSpecs.Harness.Sharding;
using ReproSpecs.Harness.Training;

namespace ReproSpecs.Cli.Commands;

/// <summary>
/// <c>reprospecs run --shard i/n</c> (or a scheduler's variables): trains this shard's trials of the run's plan
/// (<see cref="ShardRunner"/>) and records its manifest, before training (so a killed shard still names its plan) and
/// after. With <c>--workers W</c> the shard's trials are a work queue over W workers, as in an unsharded run.
/// </summary>
internal static class RunShard
{
    /// <summary>The seed arms a run trains: the study's (run has no ablation option; a plan's unit carries the arm, so one can be added).</summary>
    private static readonly IReadOnlyList<SeedArm> Arms = [SeedArm.All];

    public static int Run(ExperimentContext context, ResultStore store, IReadOnlyList<string> models, IReadOnlyList<string> activations, int trials,
        ShardSpec shard, int? workerSlot, string? workers, CancellationToken cancel)
    {
        var plan = ShardRunner.Plan(context.Profile, context.Corpus, models, activations, Arms, trials, shard.Count);
        string prefix = workerSlot is { } slot ? $"[w{slot}] " : "";
        var runner = new ShardRunner(context, store, new LineProgress(line => Console.Error.WriteLine(prefix + line), TimeSpan.FromSeconds(2)));
        if (workerSlot is not null) // a worker of this shard's pool: train free trials of the shard, the parent writes the manifest
        {
            var part = runner.Train(plan, shard, cancel);
            Console.Error.WriteLine($"{prefix}done: trained {part.Trained}, found {part.Stored} stored, left {part.Busy} to other workers");
            return 0;
        }
        int pool = WholeNumber.Parse(workers, "--workers", 1, WholeNumber.MaxThreads) ?? 1;
        var mine = plan.TrialsOf(shard.Index);
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{shard.Describe()}: {mine.Count} of {plan.Trials.Count} trials, ~{100 * plan.CostShare(shard.Index):F0}% of the cost; plan {plan.ShortHash} " +
            $"(profile {context.Profile.Name}, {models.Count} architecture(s) × {activations.Count} activation(s), {trials} trials), " +
            $"{CommonOptions.ThreadCount(Harness.Runtime.TorchRuntime.Threads)}{(pool > 1 ? $", {pool} worker processes" : "")}, results in {store.Root}"));
        runner.WriteManifest(plan, shard);
        TrialQueue.Pass? pass = null;
        try
        {
            if (pool > 1 && WorkerPool.Run(Environment.GetCommandLineArgs().Skip(1).ToList(), pool, Harness.Runtime.TorchRuntime.Threads, cancel) is var failed and not 0)
                return failed;
            pass = runner.Train(plan, shard, cancel); // after a pool: finds its trials stored (or trains what a failed worker left)
        }
        finally
        {
            // Also after Ctrl+C or an error: the manifest says what the store holds now.
            var (path, finished) = runner.WriteManifest(plan, shard);
            Console.Error.WriteLine($"shard {shard.Index} of {shard.Count}: {finished} of {mine.Count} trials finished{(pass is { } p ? $" (trained {p.Trained}, found {p.Stored} stored, {p.Busy} held by another process)" : "")}; manifest {path}");
        }
        if (pass!.Busy > 0)
            Console.Error.WriteLine($"{pass.Busy} trial(s) of this shard were being trained by another process sharing {store.Root}; merge once it finishes.");
        Console.Error.WriteLine("when every shard is done: reprospecs merge --results <each shard's results folder> --out <merged folder>");
        return 0;
    }

    /// <summary>The one-line refusal of a sequential design in a shard.</summary>
    public static string SequentialRefusal(ShardSpec shard) =>
        $"--trials auto (a sequential design) cannot be sharded ({shard.Describe()}): each look's trials depend on the verdicts of the look before, which need every shard's trials. " +
        "Fix: shard a fixed trial count (--trials N), join the shards with `reprospecs merge --results … --out MERGED`, then run `reprospecs run --trials auto --results MERGED` " +
        "(without a shard): the merged store is a normal store, so the sequential design reuses the stored trials of each cell (trial k has the same seeds in both designs) and trains only the trials its later looks add.";
}
