namespace ReproSpecs.Harness.Benchmarks;

/// <summary>Memory of one trial of a <see cref="MemorySweep"/> (MiB).</summary>
/// <param name="Number">1-based position in the sweep.</param>
/// <param name="Cell">The trial's cell label.</param>
/// <param name="ResidentAtStartMiB">Resident memory as the trial began (after its step-0 evaluation).</param>
/// <param name="PeakMiB">The trial's peak resident memory (training, evaluations, scoring, saving).</param>
public sealed record SweptTrial(int Number, string Cell, double ResidentAtStartMiB, double PeakMiB);
