using ReproSpecs.Harness.Metrics;
using ReproSpecs.Harness.Results;
using ReproSpecs.Harness.Training;

namespace ReproSpecs.Harness.Cells;

/// <summary>A cell's record with every trial's probabilities (null for diverged trials).</summary>
/// <param name="Record">What was written to <c>cell.json</c>.</param>
/// <param name="LastProbabilities">Per trial, the final weights' N×V probabilities.</param>
/// <param name="BestProbabilities">Per trial, the best-validation weights' N×V probabilities.</param>
/// <param name="ReusedTrials">How many trials were loaded from the store instead of trained.</param>
public sealed record CellResult(CellRecord Record, IReadOnlyList<float[]?> LastProbabilities, IReadOnlyList<float[]?> BestProbabilities, int ReusedTrials)
{
    /// <summary>Whether a trial's last validation loss is above its best by more than the config's margin (see <see cref="OverfitSummary"/>).</summary>
    public bool Overfit => Record.Summary.Overfit?.Overfit == true;
}

/// <summary>
/// Runs a cell: for each trial, reuse it from the store when it finished under the same config hash,
/// otherwise train and save it; then compare every pair of completed trials and write <c>cell.json</c>.
/// </summary>
public sealed class CellRunner(ExperimentContext context, ResultStore store, IProgressSink? progress = null)
{
    private readonly IProgressSink _progress = progress ?? NullProgress.Instance;

    /// <summary>The study's seeds for <paramref name="trials"/> trials: trial k uses <c>base + k</c> for every source.</summary>
    public static IReadOnlyList<TrialSeeds> DefaultSeeds(Profile profile, int trials) =>
        Enumerable.Range(0, trials).Select(k => TrialSeeds.All(profile.BaseSeed + k)).ToList();

    /// <summary>Runs the cell (<paramref name="model"/>, <paramref name="activation"/>) with the profile's default seeds.</summary>
    public CellResult Run(string model, string activation, int? trials = null, CancellationToken cancel = default)
    {
        var cell = CellConfig.For(context.Profile, model, activation, context.Corpus.Sha256);
        return Run(cell, DefaultSeeds(context.Profile, trials ?? context.Profile.Trials), SeedArm.All, cancel);
    }

    /// <summary>Runs one seed-ablation <paramref name="arm"/> of the cell (<paramref name="model"/>, <paramref name="activation"/>).</summary>
    public CellResult RunArm(string model, string activation, SeedArm arm, int? trials = null, CancellationToken cancel = default)
    {
        var cell = CellConfig.For(context.Profile, model, activation, context.Corpus.Sha256);
        return Run(cell, SeedArms.Seeds(arm, context.Profile.BaseSeed, trials ?? context.Profile.Trials), arm, cancel);
    }

    /// <summary>Runs <paramref name="cell"/> with the given seeds (one trial per entry); <paramref name="arm"/> names the seed scheme in the record.</summary>
    public CellResult Run(CellConfig cell, IReadOnlyList<TrialSeeds> seeds, SeedArm arm = SeedArm.All, CancellationToken cancel = default)
    {
        if (seeds.Count < 2) throw new ConfigurationException($"a cell needs at least 2 trials to measure disagreement, got {seeds.Count}.");
        int vocab = cell.ModelConfig().VocabSize, rows = context.EvalSet.Count;
        store.EnsureConfig(cell);
        store.RemoveOrphanedTempFiles(cell);
        var trials = TrainOrReuse(cell, seeds, rows, vocab, out int reused, cancel);

        var record = new CellRecord
        {
            Config = cell,
            Arm = arm,
            ConfigHash = cell.Hash,
            EvalFingerprint = context.EvalSet.Fingerprint,
            Provenance = Provenance.Capture(context.Device.type.ToString().ToLowerInvariant(), context.Corpus.Sha256),
            Trials = trials.Select(t => t.Record).ToList(),
            Pairs = ComparePairs(trials, context.EvalSet.LastTargets, vocab),
            Summary = default!,
        };
        record = record with { Summary = Summarise(record) };
        store.SaveCell(record);
        return new CellResult(record, trials.Select(t => t.LastProbabilities).ToList(), trials.Select(t => t.BestProbabilities).ToList(), reused);
    }

    /// <summary>
    /// Loads every finished trial and trains the others. Each trial is trained under an exclusive lock,
    /// so two processes sharing a results folder split the work instead of duplicating or corrupting it:
    /// a trial locked by another process is skipped and picked up from the store once it is written.
    /// </summary>
    private List<TrainedTrial> TrainOrReuse(CellConfig cell, IReadOnlyList<TrialSeeds> seeds, int rows, int vocab, out int reused, CancellationToken cancel)
    {
        var done = new TrainedTrial?[seeds.Count];
        var pending = Enumerable.Range(0, seeds.Count).ToList();
        reused = 0;
        bool announcedWait = false;
        while (pending.Count > 0)
        {
            bool advanced = false;
            foreach (int k in pending.ToList())
            {
                cancel.ThrowIfCancellationRequested();
                var loaded = store.TryLoadTrial(cell, k, seeds[k], context.EvalSet.Fingerprint, rows, vocab, out _);
                if (loaded is null)
                {
                    using var trialLock = FileLock.TryAcquire(store.TrialLockPath(cell, k, seeds[k]));
                    if (trialLock is null) continue; // another process is training it right now
                    // Re-check under the lock: the other process may have finished it in between.
                    loaded = store.TryLoadTrial(cell, k, seeds[k], context.EvalSet.Fingerprint, rows, vocab, out var problem);
                    if (loaded is null)
                    {
                        if (problem is not null)
                            _progress.Report(new TrialProgress(cell.Label, k, seeds.Count, 0, cell.MaxIters, double.NaN, 0, TimeSpan.Zero, $"retraining: {problem}"));
                        var trained = TrialTrainer.Train(context, cell, k, seeds.Count, seeds[k], _progress, cancel);
                        done[k] = trained with { Record = store.SaveTrial(cell, trained, vocab) };
                        pending.Remove(k);
                        advanced = true;
                        continue;
                    }
                }
                reused++;
                done[k] = loaded;
                pending.Remove(k);
                advanced = true;
                _progress.Report(new TrialProgress(cell.Label, k, seeds.Count, cell.MaxIters, cell.MaxIters, double.NaN, 0, TimeSpan.Zero, "reused from the results store"));
            }
            if (pending.Count > 0 && !advanced)
            {
                if (!announcedWait)
                    _progress.Report(new TrialProgress(cell.Label, pending[0], seeds.Count, 0, cell.MaxIters, double.NaN, 0, TimeSpan.Zero,
                        $"waiting: another process is training trial(s) {string.Join(", ", pending)}"));
                announcedWait = true;
                Task.Delay(TimeSpan.FromMilliseconds(500), cancel).Wait(cancel);
            }
        }
        return done.Select(t => t!).ToList();
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
        var overfit = record.Config.OverfitMargin is { } margin ? OverfitSummary.Of(done, margin) : null;
        return new CellSummary(done.Count, diverged,
            Of(t => t.Last!, p => p.Last), Of(t => t.Best!, p => p.Best),
            Summary.Of(done.Select(t => t.History[^1].ValLoss).ToList()),
            asCoded, overfit);
    }
}
