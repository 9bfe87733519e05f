using ReproSpecs.Harness.Configuration;

namespace ReproSpecs.Harness.Sharding;

/// <summary>
/// Finds this process's shard, the first source that is set winning: <c>--shard</c>, then <c>REPROSPECS_SHARD</c>
/// (GitHub Actions' matrix sets it), then Slurm's array variables, a Kubernetes Indexed Job's, GitLab's parallel job's.
/// The option and the harness's own variable come first so a user can always override what a scheduler set.
/// </summary>
public static class ShardSources
{
    /// <summary>The sources in precedence order, for the value of <c>--shard</c>.</summary>
    public static IReadOnlyList<IShardSource> InOrder(string? option) =>
        [new OptionShardSource(option), new ReproSpecsShardSource(), new SlurmShardSource(), new KubernetesShardSource(), new GitLabShardSource()];

    /// <summary>This process's shard, or null when no source is set (an unsharded run).</summary>
    /// <param name="option">The value of <c>--shard</c>, or null.</param>
    /// <param name="variable">Reads a variable; default: the process environment (blank is unset).</param>
    /// <exception cref="ConfigurationException">The first source that is set holds an invalid shard.</exception>
    public static ShardSpec? Resolve(string? option, Func<string, string?>? variable = null)
    {
        variable ??= EnvironmentVariables.Get;
        foreach (var source in InOrder(option))
            if (source.Read(variable) is { } shard) return shard;
        return null;
    }
}
