namespace ReproSpecs.Harness.Records;

/// <summary>Where a profile trains.</summary>
public enum DeviceKind
{
    /// <summary>The CPU (bit-deterministic for a fixed thread count).</summary>
    Cpu,
    /// <summary>A CUDA GPU; cells of such a profile skip (specs) or fail clearly (commands) without one.</summary>
    Cuda,
}
