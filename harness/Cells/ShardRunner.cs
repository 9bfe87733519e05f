using ReproSpecs.Harness.Data;
using ReproSpecs.Harness.Records;
using ReproSpecs.Harness.Results;
using ReproSpecs.Harness.Runtime;
using ReproSpecs.Harness.Sharding;
using ReproSpecs.Harness.Training;

namespace ReproSpecs.Harness.Cells;

/// <summary>
/// One shard of a sharded run (<c>reprospecs run --shard i/n</c>): builds the plan every shard computes alike, trains
/// this shard's trials through the <see cref="TrialQueue"/> (resumable, under per-trial locks, so two processes given
/// the same shard over one store split its trials) and records the shard's manifest. It writes no cell record: the
/// cells are computed once every shard is in, by <see cref="ShardMerge"/>.
/// </summary>
public sealed class ShardRunner(ExperimentContext context, ResultStore store, IProgressSink? progress = null)
{
    /// <summary>The plan of a run over <paramref name="models"/> × <paramref name="activations"/>, each cell with the given seed arms and trials.</summary>
    public static ShardPlan Plan(Profile profile, Corpus corpus, IReadOnlyList<string> models, IReadOnlyList<string> activations,
        IReadOnlyList<SeedArm> arms, int trials, int count) =>
        new(profile.Name,
            (from model in models
             from activation in activations
             from arm in arms
             select new PlannedCell(CellConfigs.For(profile, model, activation, corpus), arm, SeedArms.Seeds(arm, profile.BaseSeed, trials))).ToList(),
            count);

    /// <summary>What this process computes trials with.</summary>
    public ShardProvenance Provenance(ShardPlan plan)
    {
        var run = RunProvenance.Capture(context.Device.type.ToString().ToLowerInvariant(), context.Corpus.Sha256);
        return new ShardProvenance(CodeFingerprint.OfAll(plan.Cells.Select(c => c.Config)), run.LibTorchVersion, run.Device, run.CorpusSha256,
            context.EvalSet.Fingerprint, run.TorchSharpVersion, run.GitCommit, run.Machine);
    }

    /// <summary>Trains the free trials of <paramref name="shard"/>'s share of <paramref name="plan"/>.</summary>
    public TrialQueue.Pass Train(ShardPlan plan, ShardSpec shard, CancellationToken cancel)
    {
        var mine = plan.TrialsOf(shard.Index).ToHashSet();
        var work = plan.Cells.Select(c => (c.Config, c.Seeds, (IReadOnlyList<int>)c.Trials.Where(mine.Contains).Select(t => t.Index).ToList())).ToList();
        return new TrialQueue(context, store, progress).TrainFree(work, cancel);
    }

    /// <summary>Writes the shard's manifest, its finished trials as the store holds them now.</summary>
    /// <returns>The manifest's path and how many of the shard's trials are finished.</returns>
    public (string Path, int Finished) WriteManifest(ShardPlan plan, ShardSpec shard)
    {
        var assigned = plan.TrialsOf(shard.Index);
        var finished = assigned.Where(IsStored).ToList();
        string path = ShardManifests.Write(store.Root, new ShardManifest
        {
            PlanHash = plan.Hash, Index = shard.Index, Count = shard.Count, Adapter = shard.Adapter, Variables = shard.Variables,
            Profile = context.Profile, Cells = plan.Cells, Assigned = assigned, Finished = finished,
            Provenance = Provenance(plan), WrittenAt = DateTimeOffset.UtcNow,
        });
        return (path, finished.Count);

        bool IsStored(TrialIdentity t)
        {
            var cell = plan.Cells.First(c => c.Config.Hash == t.ConfigHash && c.Arm == t.Arm).Config;
            return store.TryLoadTrial(cell, t.Index, t.Seeds, context.EvalSet.Fingerprint, CodeFingerprint.Of(cell), context.EvalSet.Count, cell.VocabSize, out _) is not null;
        }
    }
}
