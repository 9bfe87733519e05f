using ReproSpecs.Harness.Models;
using ReproSpecs.Harness.Records;
using ReproSpecs.Harness.Results;
using ReproSpecs.Harness.Runtime;
using ReproSpecs.Harness.Training;

namespace ReproSpecs.Harness.Cells;

/// <summary>
/// One worker of a work queue over the trials of several cells, coordinated only through the results store: every
/// worker walks the same list in the same order and trains each trial that is neither stored nor locked, under that
/// trial's exclusive lock (the lock <see cref="CellRunner"/> takes too), skipping the ones another worker or another
/// user of the store holds. No worker waits for another, so W workers keep W trials in flight until the list runs
/// out; the cells' records are written afterwards by <see cref="CellRunner"/>, which then finds every trial stored.
/// </summary>
public sealed class TrialQueue(ExperimentContext context, ResultStore store, IProgressSink? progress = null)
{
    private readonly IProgressSink _progress = progress ?? NullProgress.Instance;

    /// <summary>How a worker's pass over the queue went.</summary>
    /// <param name="Trained">Trials this worker trained and saved.</param>
    /// <param name="Stored">Trials already in the store when the worker reached them.</param>
    /// <param name="Busy">Trials another process held when the worker reached them.</param>
    public sealed record Pass(int Trained, int Stored, int Busy);

    /// <summary>Trains every free trial of <paramref name="cells"/> (each with its seeds), in order.</summary>
    /// <exception cref="ResultFileException">A trial's lock cannot be taken for a reason other than contention, or a file cannot be written.</exception>
    public Pass TrainFree(IReadOnlyList<(CellConfig Cell, IReadOnlyList<TrialSeeds> Seeds)> cells, CancellationToken cancel = default) =>
        TrainFree(cells.Select(c => (c.Cell, c.Seeds, (IReadOnlyList<int>)Enumerable.Range(0, c.Seeds.Count).ToList())).ToList(), cancel);

    /// <summary>
    /// Trains the free trials among <c>Indices</c> of each cell (a shard's share of a plan: <see cref="ShardRunner"/>),
    /// in order; <c>Seeds</c> holds every trial's seeds of the cell, so trial k keeps its seeds whichever shard trains it.
    /// </summary>
    /// <exception cref="ResultFileException">A trial's lock cannot be taken for a reason other than contention, or a file cannot be written.</exception>
    public Pass TrainFree(IReadOnlyList<(CellConfig Cell, IReadOnlyList<TrialSeeds> Seeds, IReadOnlyList<int> Indices)> cells, CancellationToken cancel = default)
    {
        int trained = 0, stored = 0, busy = 0;
        int rows = context.EvalSet.Count;
        foreach (var (cell, seeds, indices) in cells)
        {
            if (indices.Count == 0) continue;
            int vocab = cell.ModelConfig().VocabSize;
            string code = CodeFingerprint.Of(cell);
            store.EnsureConfig(cell); // every worker may be first: the write is atomic and its content the same
            foreach (int k in indices)
            {
                cancel.ThrowIfCancellationRequested();
                if (store.TryLoadTrial(cell, k, seeds[k], context.EvalSet.Fingerprint, code, rows, vocab, out _) is not null) { stored++; continue; }
                string lockPath = store.TrialLockPath(cell, k, seeds[k]);
                FileLock? trialLock;
                try { trialLock = FileLock.TryAcquire(lockPath); }
                catch (ResultFileException e)
                {
                    throw new ResultFileException(e.Kind, $"Trial {k} of {cell.Label} is not in the results store and must be trained, but its lock cannot be taken. {e.Message}", e);
                }
                if (trialLock is null) { busy++; continue; } // another worker has it
                using (trialLock)
                {
                    // Re-check under the lock: the holder before us may have finished it in between.
                    if (store.TryLoadTrial(cell, k, seeds[k], context.EvalSet.Fingerprint, code, rows, vocab, out var problem) is not null) { stored++; continue; }
                    if (problem is not null)
                        _progress.Report(new TrialProgress(cell.Label, k, seeds.Count, 0, cell.Settings.MaxIters, double.NaN, 0, TimeSpan.Zero, $"retraining: {problem}"));
                    var trial = TrialTrainer.Train(context, cell, k, seeds.Count, seeds[k], _progress, cancel);
                    store.SaveTrial(cell, trial with { Record = trial.Record with { CodeFingerprint = code } }, vocab);
                    trained++;
                }
            }
        }
        return new Pass(trained, stored, busy);
    }
}
