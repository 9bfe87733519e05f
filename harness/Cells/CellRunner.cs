using ReproSpecs.Harness.Metrics;
using ReproSpecs.Harness.Models;
using ReproSpecs.Harness.Records;
using ReproSpecs.Harness.Runtime;
using ReproSpecs.Harness.Results;
using ReproSpecs.Harness.Training;

namespace ReproSpecs.Harness.Cells;

/// <summary>
/// Runs a cell: for each trial, reuse it from the store when it finished under the same config hash,
/// otherwise train and save it; then compare every pair of completed trials and write <c>cell.json</c>.
/// </summary>
public sealed class CellRunner(ExperimentContext context, ResultStore store, IProgressSink? progress = null)
{
    private readonly IProgressSink _progress = progress ?? NullProgress.Instance;

    /// <summary>
    /// Only reuse, never train: a trial that is not stored (or not usable) is an error naming it, not a training run.
    /// A merge of shards sets it, so computing its cells can never quietly train what a shard failed to deliver.
    /// </summary>
    public bool NeverTrain { get; init; }

    /// <summary>The study's seeds for <paramref name="trials"/> trials: trial k uses <c>base + k</c> for every source.</summary>
    public static IReadOnlyList<TrialSeeds> DefaultSeeds(Profile profile, int trials) =>
        Enumerable.Range(0, trials).Select(k => TrialSeeds.All(profile.BaseSeed + k)).ToList();

    /// <summary>Runs the cell (<paramref name="model"/>, <paramref name="activation"/>) with the profile's default seeds.</summary>
    /// <param name="model">Architecture.</param>
    /// <param name="activation">Activation.</param>
    /// <param name="trials">Trials (default: the profile's).</param>
    /// <param name="cancel">Stops between trials.</param>
    /// <param name="saveCell">
    /// Write <c>cell.json</c>: false for a sequential design's intermediate looks, so a store that holds more trials
    /// is never rewritten with fewer, and each cell's file is written once, at the trials it finally reached.
    /// </param>
    public CellResult Run(string model, string activation, int? trials = null, CancellationToken cancel = default, bool saveCell = true)
    {
        var cell = CellConfigs.For(context.Profile, model, activation, context.Corpus);
        return Run(cell, DefaultSeeds(context.Profile, trials ?? context.Profile.Trials), SeedArm.All, cancel, saveCell);
    }

    /// <summary>Runs one seed-ablation <paramref name="arm"/> of the cell (<paramref name="model"/>, <paramref name="activation"/>).</summary>
    public CellResult RunArm(string model, string activation, SeedArm arm, int? trials = null, CancellationToken cancel = default)
    {
        var cell = CellConfigs.For(context.Profile, model, activation, context.Corpus);
        return Run(cell, SeedArms.Seeds(arm, context.Profile.BaseSeed, trials ?? context.Profile.Trials), arm, cancel);
    }

    /// <summary>Runs <paramref name="cell"/> with the given seeds (one trial per entry); <paramref name="arm"/> names the seed scheme in the record.</summary>
    public CellResult Run(CellConfig cell, IReadOnlyList<TrialSeeds> seeds, SeedArm arm = SeedArm.All, CancellationToken cancel = default, bool saveCell = true)
    {
        if (seeds.Count < 2) throw new ConfigurationException($"a cell needs at least 2 trials to measure disagreement, got {seeds.Count}.");
        // An ablation arm is labelled as an arm ("smoke/charlm/relu arm same"), so it never reads as its cell training twice.
        var progress = arm == SeedArm.All ? _progress : new ArmProgress(_progress, SeedArms.Name(arm));
        int vocab = cell.ModelConfig().VocabSize, rows = context.EvalSet.Count;
        if (store.EnsureConfig(cell) is { } repaired)
            progress.Report(new TrialProgress(cell.Label, 0, seeds.Count, 0, cell.Settings.MaxIters, double.NaN, 0, TimeSpan.Zero, $"rewrote config.json: {repaired}"));
        store.RemoveOrphanedTempFiles(cell);
        var trials = TrainOrReuse(cell, seeds, rows, vocab, progress, out int reused, cancel);

        var record = new CellRecord
        {
            Config = cell,
            Arm = arm,
            ActivationInfo = Activations.ActivationRegistry.Get(cell.Activation).Info,
            ArchitectureInfo = Models.ModelRegistry.Get(cell.Model).Info,
            ConfigHash = cell.Hash,
            EvalFingerprint = context.EvalSet.Fingerprint,
            Provenance = RunProvenance.Capture(context.Device.type.ToString().ToLowerInvariant(), context.Corpus.Sha256),
            Trials = trials.Select(t => t.Record).ToList(),
            Pairs = ComparePairs(trials, context.EvalSet.LastTargets, vocab),
            Summary = default!,
        };
        record = record with { Summary = Summarise(record) };
        // The cell's validity travels with it, so a merge that has only cell.json (no probabilities) still knows.
        var lastProbabilities = trials.Select(t => t.LastProbabilities).ToList();
        record = record with
        {
            ValidityProblems = Statistics.CellValidity.Problems(cell.Label, record.Trials, lastProbabilities, context.Data.ValidationUnigramEntropy(), vocab),
        };
        if (reused == seeds.Count && Unchanged(store.CellPath(cell, arm), record) is { } stored) record = stored; // nothing new: write nothing
        else if (saveCell) store.SaveCell(record);
        return new CellResult(record, trials.Select(t => t.LastProbabilities).ToList(), trials.Select(t => t.BestProbabilities).ToList(), reused);
    }

    /// <summary>
    /// The stored cell file when it verifies and holds exactly <paramref name="record"/>'s trials (so a run
    /// over a complete store writes nothing, and works on read-only media); null otherwise.
    /// </summary>
    private static CellRecord? Unchanged(string path, CellRecord record)
    {
        if (!File.Exists(path)) return null;
        try
        {
            var stored = ResultStore.LoadCell(path);
            bool same = stored.ConfigHash == record.ConfigHash && stored.Arm == record.Arm && stored.EvalFingerprint == record.EvalFingerprint
                        && System.Text.Json.JsonSerializer.Serialize(stored.Trials, Json.Options) == System.Text.Json.JsonSerializer.Serialize(record.Trials, Json.Options)
                        && System.Text.Json.JsonSerializer.Serialize(stored.Pairs, Json.Options) == System.Text.Json.JsonSerializer.Serialize(record.Pairs, Json.Options);
            return same ? stored : null;
        }
        catch (ResultFileException) { return null; }
    }

    /// <summary>
    /// How long a trial may stay locked by a holder that is gone (its recorded process, on this machine, is
    /// no longer running) before the run gives up with an error: 30 s. A live holder is waited for as long
    /// as it trains.
    /// </summary>
    public static TimeSpan AbandonedLockTimeout { get; internal set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Loads every finished trial and trains the others. Each trial is trained under an exclusive lock,
    /// so two processes sharing a results folder split the work instead of duplicating or corrupting it:
    /// a trial locked by another process is skipped and picked up from the store once it is written.
    /// A lock that cannot be taken for any reason other than contention is an error (with its fix).
    /// </summary>
    private List<TrainedTrial> TrainOrReuse(CellConfig cell, IReadOnlyList<TrialSeeds> seeds, int rows, int vocab, IProgressSink progress, out int reused, CancellationToken cancel)
    {
        var done = new TrainedTrial?[seeds.Count];
        string code = CodeFingerprint.Of(cell);
        var pending = Enumerable.Range(0, seeds.Count).ToList();
        var holders = new Dictionary<int, LockHolder?>();
        reused = 0;
        string? announced = null;
        DateTime? holderGoneSince = null;
        while (pending.Count > 0)
        {
            bool advanced = false;
            foreach (int k in pending.ToList())
            {
                cancel.ThrowIfCancellationRequested();
                var loaded = store.TryLoadTrial(cell, k, seeds[k], context.EvalSet.Fingerprint, code, rows, vocab, out var unusable);
                if (loaded is null && NeverTrain)
                    throw new ResultFileException(ResultFileError.Missing,
                        $"Trial {k} of {cell.Label} is {(unusable is null ? "not in the results store" : $"not usable ({unusable})")} and this run never trains (a merge). " +
                        "Fix: rerun the shard that trains it, then merge again.");
                if (loaded is null)
                {
                    string lockPath = store.TrialLockPath(cell, k, seeds[k]);
                    using var trialLock = AcquireToTrain(cell, k, lockPath);
                    if (trialLock is null)
                    {
                        holders[k] = FileLock.ReadHolder(lockPath); // another process is training it right now
                        continue;
                    }
                    holders.Remove(k);
                    // Re-check under the lock: the other process may have finished it in between.
                    loaded = store.TryLoadTrial(cell, k, seeds[k], context.EvalSet.Fingerprint, code, rows, vocab, out var problem);
                    if (loaded is null)
                    {
                        if (problem is not null)
                            progress.Report(new TrialProgress(cell.Label, k, seeds.Count, 0, cell.Settings.MaxIters, double.NaN, 0, TimeSpan.Zero, $"retraining: {problem}"));
                        var trained = TrialTrainer.Train(context, cell, k, seeds.Count, seeds[k], progress, cancel);
                        done[k] = trained with { Record = store.SaveTrial(cell, trained with { Record = trained.Record with { CodeFingerprint = code } }, vocab) };
                        pending.Remove(k);
                        advanced = true;
                        continue;
                    }
                }
                reused++;
                done[k] = loaded;
                pending.Remove(k);
                holders.Remove(k);
                advanced = true;
                progress.Report(new TrialProgress(cell.Label, k, seeds.Count, cell.Settings.MaxIters, cell.Settings.MaxIters, double.NaN, 0, TimeSpan.Zero, "reused from the results store"));
            }
            if (pending.Count > 0 && !advanced)
            {
                string who = string.Join("; ", pending.Select(k => $"trial {k} by {holders.GetValueOrDefault(k)?.ToString() ?? "an unknown holder"}"));
                if (who != announced)
                    progress.Report(new TrialProgress(cell.Label, pending[0], seeds.Count, 0, cell.Settings.MaxIters, double.NaN, 0, TimeSpan.Zero,
                        $"waiting: another process is training {who}"));
                announced = who;
                var gone = pending.Where(k => holders.GetValueOrDefault(k) is { IsGone: true }).ToList();
                holderGoneSince = gone.Count == 0 ? null : holderGoneSince ?? DateTime.UtcNow;
                if (holderGoneSince is { } since && DateTime.UtcNow - since >= AbandonedLockTimeout)
                {
                    int k = gone[0];
                    throw new ResultFileException(ResultFileError.AbandonedLock,
                        $"Trial {k} of {cell.Label} is locked by {holders[k]}, which is no longer running; gave up after {AbandonedLockTimeout.TotalSeconds:0} s. " +
                        $"Fix: make sure no other reprospecs uses this results folder, delete {store.TrialLockPath(cell, k, seeds[k])}, and rerun: finished trials are reused.");
                }
                Task.Delay(TimeSpan.FromMilliseconds(500), cancel).Wait(cancel);
            }
        }
        return done.Select(t => t!).ToList();
    }

    /// <summary>Takes a missing trial's lock (null: another process holds it); an unusable lock file names the trial it was needed for.</summary>
    private static FileLock? AcquireToTrain(CellConfig cell, int k, string lockPath)
    {
        try { return FileLock.TryAcquire(lockPath); }
        catch (ResultFileException e)
        {
            throw new ResultFileException(e.Kind, $"Trial {k} of {cell.Label} is not in the results store and must be trained, but its lock cannot be taken. {e.Message}", e);
        }
    }

    /// <summary>Metrics of every pair of completed trials (diverged trials never enter a comparison).</summary>
    public static IReadOnlyList<PairRecord> ComparePairs(IReadOnlyList<TrainedTrial> trials, IReadOnlyList<int> targets, int vocab)
    {
        var pairs = new List<PairRecord>();
        for (int a = 0; a < trials.Count; a++)
        for (int b = a + 1; b < trials.Count; b++)
        {
            var (ta, tb) = (trials[a], trials[b]);
            if (ta.LastProbabilities is null || tb.LastProbabilities is null || ta.BestProbabilities is null || tb.BestProbabilities is null) continue;
            if (ta.Record.EvalFingerprint != tb.Record.EvalFingerprint)
                throw new InvalidOperationException($"trials {a} and {b} were scored on different contexts; they cannot be compared");
            // The same Relative PD formula on each trial's own contexts: the study's protocol, as coded.
            double? asCoded = ta.AsCodedProbabilities is { } pa && tb.AsCodedProbabilities is { } pb
                ? PredictionDisagreement.Relative(pa, pb) : null;
            pairs.Add(new PairRecord(a, b,
                PairMetrics.Compute(ta.LastProbabilities, tb.LastProbabilities, targets, vocab),
                PairMetrics.Compute(ta.BestProbabilities, tb.BestProbabilities, targets, vocab),
                asCoded));
        }
        return pairs;
    }

    /// <summary>Summary figures of a cell record.</summary>
    public static CellSummary Summarise(CellRecord record)
    {
        var done = record.Trials.Where(t => t.Status == TrialStatus.Completed).ToList();
        int diverged = record.Trials.Count - done.Count;
        if (done.Count < 2 || record.Pairs.Count == 0) return new CellSummary(done.Count, diverged, null, null, null);
        WeightsSummary Of(Func<TrialRecord, Score> score, Func<PairRecord, PairMetrics> pair) => new(
            Summary.Of(done.Select(t => score(t).Loss).ToList()),
            Summary.Of(done.Select(t => score(t).Accuracy).ToList()),
            Summary.Of(record.Pairs.Select(p => pair(p).RelativePd).ToList()),
            Summary.Of(record.Pairs.Select(p => pair(p).ElementWisePd).ToList()),
            Summary.Of(record.Pairs.Select(p => pair(p).TargetPd).ToList()),
            Summary.Of(record.Pairs.Select(p => pair(p).Top1Disagreement).ToList()));
        var asCoded = record.Pairs.All(p => p.AsCodedRelativePd is not null)
            ? Summary.Of(record.Pairs.Select(p => p.AsCodedRelativePd!.Value).ToList()) : null;
        var overfit = OverfitSummary.Of(done, record.Config.Settings.OverfitMargin);
        return new CellSummary(done.Count, diverged,
            Of(t => t.Last!, p => p.Last), Of(t => t.Best!, p => p.Best),
            Summary.Of(done.Select(t => t.History[^1].ValLoss).ToList()),
            asCoded, overfit);
    }
}
