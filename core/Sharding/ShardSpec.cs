using System.Globalization;

namespace ReproSpecs.Harness.Sharding;

/// <summary>
/// Which part of a sharded run this process is: shard <see cref="Index"/> (0-based) of <see cref="Count"/>, and where
/// that came from (the adapter and the raw variables it read), so a log line and the shard's manifest can say why.
/// </summary>
/// <param name="Index">0-based shard index, below <paramref name="Count"/>.</param>
/// <param name="Count">Number of shards, at least 1.</param>
/// <param name="Adapter">The source that set it: option, reprospecs, github, slurm, kubernetes, gitlab.</param>
/// <param name="Variables">The raw values read (option or variable name → value), for the log and the manifest.</param>
public sealed record ShardSpec(int Index, int Count, string Adapter, IReadOnlyDictionary<string, string> Variables)
{
    /// <summary>"shard 2 of 7 (SLURM_ARRAY_TASK_ID=2, SLURM_ARRAY_TASK_COUNT=7)".</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"shard {Index} of {Count} ({string.Join(", ", Variables.Select(v => $"{v.Key}={v.Value}"))})");
}
