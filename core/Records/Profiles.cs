namespace ReproSpecs.Harness.Records;

/// <summary>The built-in profiles: the study's four (docs/design.md, "The study") and our CI-sized <c>smoke</c>.</summary>
public static class Profiles
{
    /// <summary>The profile used when none is chosen.</summary>
    public const string DefaultName = "smoke";

    /// <summary>
    /// Small enough that 6 architectures × 6 activations × 3 trials run inside CI on 2 cores, large enough
    /// that every model clearly beats the unigram entropy (so "the model learned" is a real check).
    /// Uses a higher learning rate than the study to learn in few steps; not a study configuration.
    /// One thread: its matrices are too small to gain from more, and on a busy machine two threads per
    /// process oversubscribe the cores and run 10× slower (measured).
    /// </summary>
    public static readonly Profile Smoke = new()
    {
        Name = "smoke", NEmbd = 32, NHead = 2, NLayer = 1, BlockSize = 32, BatchSize = 16,
        MaxIters = 150, EvalInterval = 50, EvalIters = 4, Device = DeviceKind.Cpu,
        LearningRate = 3e-3, EvalContexts = 500, Threads = 1,
    };

    /// <summary>The study's CPU configuration.</summary>
    public static readonly Profile Cpu = new()
    {
        Name = "cpu", NEmbd = 128, NHead = 4, NLayer = 2, BlockSize = 128, BatchSize = 32,
        MaxIters = 200, EvalInterval = 50, EvalIters = 50, Device = DeviceKind.Cpu,
    };

    /// <summary>The study's small GPU configuration.</summary>
    public static readonly Profile Lite = new()
    {
        Name = "lite", NEmbd = 128, NHead = 4, NLayer = 2, BlockSize = 128, BatchSize = 64,
        MaxIters = 200, EvalInterval = 50, EvalIters = 200, Device = DeviceKind.Cuda,
    };

    /// <summary>The study's medium GPU configuration.</summary>
    public static readonly Profile Partial = new()
    {
        Name = "partial", NEmbd = 256, NHead = 4, NLayer = 2, BlockSize = 256, BatchSize = 64,
        MaxIters = 500, EvalInterval = 100, EvalIters = 200, Device = DeviceKind.Cuda,
    };

    /// <summary>The study's full GPU configuration (CharLM: 10.8 M parameters).</summary>
    public static readonly Profile Full = new()
    {
        Name = "full", NEmbd = 384, NHead = 6, NLayer = 6, BlockSize = 256, BatchSize = 64,
        MaxIters = 5000, EvalInterval = 500, EvalIters = 200, Device = DeviceKind.Cuda,
    };

    /// <summary>Every built-in profile, smallest first.</summary>
    public static readonly IReadOnlyList<Profile> All = [Smoke, Cpu, Lite, Partial, Full];

    /// <summary>The profile called <paramref name="name"/> (case-insensitive).</summary>
    /// <exception cref="ConfigurationException">Unknown name; the message lists the known ones.</exception>
    public static Profile Get(string name) =>
        All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ConfigurationException($"Unknown profile '{name}'. Known profiles: {string.Join(", ", All.Select(p => p.Name))}. Fix: set REPROSPECS_PROFILE (or --profile, or a runsettings file) to one of them.");
}
