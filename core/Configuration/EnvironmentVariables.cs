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

    /// <summary>
    /// Trials per cell, overriding the profile's (at least 2), or <c>auto</c>: a sequential design adds trials in
    /// pre-registered looks until each hypothesis is decided or <see cref="MaxTrials"/> is reached (docs/statistics.md).
    /// </summary>
    public const string Trials = "REPROSPECS_TRIALS";

    /// <summary>The cap of a sequential design (<see cref="Trials"/> = <c>auto</c>): trials per cell at its last look. Default: 20.</summary>
    public const string MaxTrials = "REPROSPECS_MAX_TRIALS";

    /// <summary>The sequential design's smallest effect of interest on Relative PD, in % of the reference: inside ±it is "no meaningful effect". Default: 5.</summary>
    public const string EquivalenceMargin = "REPROSPECS_EQUIVALENCE_MARGIN";

    /// <summary>The sequential design's smallest effect of interest on loss and accuracy (H4), in % of the reference. Default: 1.</summary>
    public const string MetricMargin = "REPROSPECS_METRIC_MARGIN";

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

    /// <summary>
    /// Batches of the train-split loss estimate at each periodic evaluation (1 to the profile's eval_iters): reporting
    /// only, changes no trained weight; a set value enters the cell's identity. Default: all of them (the study's).
    /// </summary>
    public const string TrainLossIters = "REPROSPECS_TRAIN_LOSS_ITERS";

    /// <summary>
    /// This process's shard of a sharded <c>reprospecs run</c>: <c>INDEX/COUNT</c>, 0-based (e.g. <c>2/7</c>); set by a
    /// GitHub Actions matrix as <c>${{ matrix.shard }}/${{ strategy.job-total }}</c>. <c>--shard</c> overrides it (docs/scaling-contract.md).
    /// </summary>
    public const string Shard = "REPROSPECS_SHARD";

    /// <summary>The number of shards of a Kubernetes Indexed Job (its <c>completions</c>, which a pod cannot read); the index is <c>JOB_COMPLETION_INDEX</c>.</summary>
    public const string ShardCount = "REPROSPECS_SHARD_COUNT";

    /// <summary>Fault seam for reliability tests: milliseconds every results-file write waits before its rename (so a kill lands mid-write).</summary>
    public const string FaultWriteDelayMs = "REPROSPECS_FAULT_WRITE_DELAY_MS";

    /// <summary>Fault seam for reliability tests: <c>STEP[:TRIAL]</c> makes that training step's loss NaN (divergence end to end).</summary>
    public const string FaultDiverge = "REPROSPECS_FAULT_DIVERGE";

    /// <summary>Rounds of the reliability soak test (tests/Reliability/SoakTests.cs); default 1, the short form CI runs.</summary>
    public const string SoakRounds = "REPROSPECS_SOAK_ROUNDS";

    /// <summary>Seed of the reliability soak test's fault schedule.</summary>
    public const string SoakSeed = "REPROSPECS_SOAK_SEED";

    /// <summary>
    /// Every <c>REPROSPECS_*</c> name that is read somewhere: the settings above, the fault seams, the unit tests'
    /// own switches, and the two retired names that are documented as no longer read (ignored, not an error).
    /// </summary>
    public static IReadOnlyList<string> Known { get; } =
    [
        Corpus, Profile, Results, Trials, MaxTrials, EquivalenceMargin, MetricMargin, Threads, Contradiction, Ablation, AblationActivations, Weights, FaultDiverge, FaultWriteDelayMs,
        SoakRounds, SoakSeed, TrainLossIters, Shard, ShardCount, "REPROSPECS_UPDATE_GOLDEN", "REPROSPECS_CACHE", "REPROSPECS_CORPUS_URL",
    ];

    private const string Prefix = "REPROSPECS_";

    /// <summary>
    /// Rejects a <c>REPROSPECS_*</c> variable that nothing reads (a typo such as <c>REPROSPECS_PROFLIE</c> would
    /// otherwise be silently ignored and another run done instead), naming the closest known name.
    /// </summary>
    /// <param name="environment">The variables to check; default: the process environment.</param>
    /// <exception cref="ConfigurationException">An unknown <c>REPROSPECS_*</c> name is set.</exception>
    public static void CheckNames(System.Collections.IDictionary? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariables();
        var unknown = environment.Keys.Cast<object>().Select(k => k.ToString() ?? "")
            .Where(k => k.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) && !Known.Contains(k, StringComparer.Ordinal))
            .Order(StringComparer.Ordinal).ToList();
        if (unknown.Count == 0) return;
        string name = unknown[0];
        string closest = Known.Take(11).MinBy(k => Distance(name.ToUpperInvariant(), k))!;
        string others = unknown.Count > 1 ? $" (also unknown: {string.Join(", ", unknown.Skip(1))})" : "";
        throw new ConfigurationException(
            $"Unknown variable {name}='{environment[name]}'{others}: nothing reads it. Did you mean {closest}? " +
            $"Known: {string.Join(", ", Known.Take(11))}. Fix: rename or unset it (in the environment or the runsettings file).");
    }

    /// <summary>Levenshtein distance (names are short).</summary>
    private static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (int i = 1; i <= a.Length; i++)
        {
            int diagonal = row[0];
            row[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.Length];
    }

    /// <summary>Reads a variable, treating empty as unset.</summary>
    public static string? Get(string name)
    {
        string? value = Environment.GetEnvironmentVariable(name);
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }
}
