namespace ReproSpecs.Harness.Benchmarks;

/// <summary>Memory of the process at one step of a trial (MiB).</summary>
/// <param name="Step">The training step.</param>
/// <param name="ResidentMiB">Resident memory as sampled (VmRSS): what the process holds, allocator slack included.</param>
/// <param name="PeakMiB">The highest resident memory since the previous sample (VmHWM, reset at each sample).</param>
/// <param name="LiveMiB">Resident memory after a full collection and <c>malloc_trim</c>: live data only.</param>
public sealed record MemorySample(int Step, double ResidentMiB, double PeakMiB, double LiveMiB);
