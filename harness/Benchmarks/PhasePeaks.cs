namespace ReproSpecs.Harness.Benchmarks;

/// <summary>
/// True peak resident memory (MiB) of a process in the three phases of a trial, each measured from a reset high-water
/// mark (<see cref="ProcessMemory.ResetPeak"/>), so each figure is what that phase alone needs on top of what it found.
/// </summary>
/// <param name="Training">Training steps (forward, backward, AdamW).</param>
/// <param name="PeriodicEvaluation">The periodic train/val loss on the fixed batches.</param>
/// <param name="Scoring">Scoring the fixed evaluation contexts.</param>
/// <param name="Resettable">Whether the peak could be reset before each phase; if not, each figure is the process's peak so far.</param>
public sealed record PhasePeaks(double Training, double PeriodicEvaluation, double Scoring, bool Resettable);
