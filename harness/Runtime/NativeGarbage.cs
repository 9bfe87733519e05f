namespace ReproSpecs.Harness.Runtime;

/// <summary>
/// Frees the native memory that managed garbage holds. TorchSharp turns every <c>double</c> argument of an op (and an
/// op's default <c>alpha</c>) into a native <c>Scalar</c> that only its finalizer frees; the managed heap barely grows,
/// so the GC may not run for hundreds of steps. Those small native blocks stay scattered between the megabytes of
/// tensor data that glibc's heap hands out and takes back at every step, so freed blocks cannot be merged or
/// returned: at the cpu profile a process holding 200 MiB of live data grew to 2.5 GiB resident during one evaluation
/// with SmeLU (five Scalars per call). A young-generation collection after each step and each evaluation pass finds
/// them while they are young and costs well under a millisecond (docs/benchmarks.md, "Memory").
/// </summary>
public static class NativeGarbage
{
    /// <summary>Collects the young generation, so the native memory of the objects that died since the last call is freed by their finalizers.</summary>
    public static void Collect() => GC.Collect(0, GCCollectionMode.Forced, blocking: true);
}
