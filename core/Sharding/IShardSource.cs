namespace ReproSpecs.Harness.Sharding;

/// <summary>One place a shard's index and count can come from (an option, a scheduler's variables).</summary>
public interface IShardSource
{
    /// <summary>The adapter's name as recorded in a manifest: option, reprospecs, github, slurm, kubernetes, gitlab.</summary>
    string Name { get; }

    /// <summary>This source's shard, or null when it is not set here.</summary>
    /// <param name="variable">Reads an environment variable (null when unset or blank).</param>
    /// <exception cref="ConfigurationException">The source is set but its values are not a valid shard.</exception>
    ShardSpec? Read(Func<string, string?> variable);
}
