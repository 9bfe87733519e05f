using ReproSpecs.Harness.Configuration;

namespace ReproSpecs.Harness.Sharding;

/// <summary>
/// A Kubernetes Indexed Job: the pod's <c>JOB_COMPLETION_INDEX</c> (0-based), with the count in
/// <c>REPROSPECS_SHARD_COUNT</c>: a pod cannot read its Job's <c>spec.completions</c>, so the manifest sets the variable
/// to the same number.
/// </summary>
public sealed class KubernetesShardSource : IShardSource
{
    /// <summary>Set by Kubernetes in every pod of an Indexed Job.</summary>
    public const string CompletionIndex = "JOB_COMPLETION_INDEX";

    /// <inheritdoc />
    public string Name => "kubernetes";

    /// <inheritdoc />
    public ShardSpec? Read(Func<string, string?> variable)
    {
        if (variable(CompletionIndex) is not { } indexText) return null;
        if (variable(EnvironmentVariables.ShardCount) is not { } countText)
            throw new ConfigurationException($"{CompletionIndex}={indexText} is set but {EnvironmentVariables.ShardCount} is not, so the number of shards is unknown " +
                                             $"(a pod cannot read its Job's spec.completions). Fix: set {EnvironmentVariables.ShardCount} in the Job's pod template to the same number as completions.");
        int count = ShardText.Number(countText, EnvironmentVariables.ShardCount, 1);
        int index = ShardText.Number(indexText, CompletionIndex, 0);
        var raw = new SortedDictionary<string, string>(StringComparer.Ordinal) { [CompletionIndex] = indexText, [EnvironmentVariables.ShardCount] = countText };
        ShardText.Index(index, count, CompletionIndex, $"{CompletionIndex}={indexText}, {EnvironmentVariables.ShardCount}={countText}");
        return new ShardSpec(index, count, Name, raw);
    }
}
