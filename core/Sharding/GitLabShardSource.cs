namespace ReproSpecs.Harness.Sharding;

/// <summary>
/// A GitLab CI job with <c>parallel: N</c>: <c>CI_NODE_INDEX</c> runs from 1 to <c>CI_NODE_TOTAL</c> (1-based, unlike every
/// other source), so the shard index is <c>CI_NODE_INDEX − 1</c>. GitLab sets <c>CI_NODE_TOTAL=1</c> in jobs that are not
/// parallel, so only <c>CI_NODE_INDEX</c> marks a sharded job.
/// </summary>
public sealed class GitLabShardSource : IShardSource
{
    /// <summary>1-based index of the job among its parallel copies.</summary>
    public const string NodeIndex = "CI_NODE_INDEX";
    /// <summary>Number of parallel copies.</summary>
    public const string NodeTotal = "CI_NODE_TOTAL";

    /// <inheritdoc />
    public string Name => "gitlab";

    /// <inheritdoc />
    public ShardSpec? Read(Func<string, string?> variable)
    {
        if (variable(NodeIndex) is not { } indexText) return null;
        if (variable(NodeTotal) is not { } totalText)
            throw new ConfigurationException($"{NodeIndex}={indexText} is set but {NodeTotal} is not. Fix: run in a job with 'parallel: N' (GitLab sets both), or set REPROSPECS_SHARD=INDEX/COUNT.");
        int total = ShardText.Number(totalText, NodeTotal, 1);
        int oneBased = ShardText.Number(indexText, $"{NodeIndex} (1-based)", 1);
        var raw = new SortedDictionary<string, string>(StringComparer.Ordinal) { [NodeIndex] = indexText, [NodeTotal] = totalText };
        if (oneBased > total)
            throw new ConfigurationException($"{NodeIndex}={oneBased} is above {NodeTotal}={total} (GitLab counts from 1 to the total). Fix: set both from the job's 'parallel: N'.");
        return new ShardSpec(oneBased - 1, total, Name, raw);
    }
}
