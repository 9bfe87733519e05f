using ReproSpecs.Harness.Configuration;

namespace ReproSpecs.Harness.Sharding;

/// <summary>
/// <c>REPROSPECS_SHARD=i/n</c>: the harness's own variable, and how GitHub Actions shards (its matrix has no index
/// variable, so the workflow sets <c>REPROSPECS_SHARD: ${{ matrix.shard }}/${{ strategy.job-total }}</c>). Recorded as
/// <c>github</c> when <c>GITHUB_ACTIONS=true</c>, so a manifest says which scheduler the shard ran under.
/// </summary>
public sealed class ReproSpecsShardSource : IShardSource
{
    /// <summary>GitHub Actions sets it to <c>true</c> in every job.</summary>
    public const string GitHubActions = "GITHUB_ACTIONS";

    /// <inheritdoc />
    public string Name => "reprospecs";

    /// <inheritdoc />
    public ShardSpec? Read(Func<string, string?> variable)
    {
        if (variable(EnvironmentVariables.Shard) is not { } value) return null;
        var (index, count) = ShardText.Pair(value, EnvironmentVariables.Shard);
        bool github = string.Equals(variable(GitHubActions), "true", StringComparison.OrdinalIgnoreCase);
        var raw = new SortedDictionary<string, string>(StringComparer.Ordinal) { [EnvironmentVariables.Shard] = value };
        if (github) raw[GitHubActions] = "true";
        return new ShardSpec(index, count, github ? "github" : Name, raw);
    }
}
