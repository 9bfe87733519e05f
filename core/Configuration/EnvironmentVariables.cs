using ReproSpecs.Harness.Records;

namespace ReproSpecs.Harness.Configuration;

/// <summary>
/// Every environment variable the harness reads, in one place. Runsettings files set them for
/// <c>dotnet test</c>; commands accept the same values as options.
/// </summary>
public static class EnvironmentVariables
{
    /// <summary>
    /// A corpus file: a copy of Tiny Shakespeare (checked by SHA-256) or a UTF-8 text of the user's own.
    /// Default: the Tiny Shakespeare that ships inside the harness.
    /// </summary>
    public const string Corpus = "REPROSPECS_CORPUS";

    /// <summary>Profile name: smoke, cpu, lite, partial, full. Default: smoke.</summary>
    public const string Profile = "REPROSPECS_PROFILE";

    /// <summary>Results store folder. Default: <c>results/</c> at the repository root, else in the working directory.</summary>
    public const string Results = "REPROSPECS_RESULTS";

    /// <summary>Trials per cell, overriding the profile's (at least 2).</summary>
    public const string Trials = "REPROSPECS_TRIALS";

    /// <summary>libtorch intra-op threads. Default: the number of processors.</summary>
    public const string Threads = "REPROSPECS_THREADS";

    /// <summary>What a contradicted hypothesis does in the specs: <c>fail</c> or <c>skip</c> (reported). Default: skip for smoke, fail otherwise.</summary>
    public const string Contradiction = "REPROSPECS_CONTRADICTION";

    /// <summary>Seed-ablation arms the specs run: comma-separated among all, init, data, dropout, same, or every. Default: same.</summary>
    public const string Ablation = "REPROSPECS_ABLATION";

    /// <summary>Activations the seed-ablation arms run on, comma-separated. Default: relu.</summary>
    public const string AblationActivations = "REPROSPECS_ABLATION_ACTIVATIONS";

    /// <summary>Which weights the hypotheses are decided on: <c>last</c> (default) or <c>best</c>.</summary>
    public const string Weights = "REPROSPECS_WEIGHTS";

    /// <summary>Fault seam for reliability tests: milliseconds every results-file write waits before its rename (so a kill lands mid-write).</summary>
    public const string FaultWriteDelayMs = "REPROSPECS_FAULT_WRITE_DELAY_MS";

    /// <summary>Fault seam for reliability tests: <c>STEP[:TRIAL]</c> makes that training step's loss NaN (divergence end to end).</summary>
    public const string FaultDiverge = "REPROSPECS_FAULT_DIVERGE";

    /// <summary>Rounds of the reliability soak test (tests/Reliability/SoakTests.cs); default 1, the short form CI runs.</summary>
    public const string SoakRounds = "REPROSPECS_SOAK_ROUNDS";

    /// <summary>Seed of the reliability soak test's fault schedule.</summary>
    public const string SoakSeed = "REPROSPECS_SOAK_SEED";

    /// <summary>Reads a variable, treating empty as unset.</summary>
    public static string? Get(string name)
    {
        string? value = Environment.GetEnvironmentVariable(name);
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }
}
