using ReproSpecs.Harness.Records;

namespace ReproSpecs.Harness.Sharding;

/// <summary>
/// A shard's record in its results store (<c>shards/&lt;plan-hash-12&gt;/shard-&lt;i&gt;-of-&lt;n&gt;.json</c>): which plan it
/// belongs to, where its index came from, the plan itself (so a merge can rebuild every cell without the command line),
/// the trials it was assigned and, when it was last written, which of them were finished. Written when the shard starts
/// and again when it ends, so a shard killed midway still leaves its plan behind.
/// </summary>
public sealed record ShardManifest
{
    /// <summary>The plan's hash (<see cref="ShardPlan.Hash"/>).</summary>
    public required string PlanHash { get; init; }
    /// <summary>0-based shard index.</summary>
    public required int Index { get; init; }
    /// <summary>Number of shards.</summary>
    public required int Count { get; init; }
    /// <summary>The source of the index (<see cref="IShardSource.Name"/>).</summary>
    public required string Adapter { get; init; }
    /// <summary>The raw values the adapter read.</summary>
    public required IReadOnlyDictionary<string, string> Variables { get; init; }
    /// <summary>The profile the run trained, as it ran (overrides such as <c>--max-iters</c> applied).</summary>
    public required Profile Profile { get; init; }
    /// <summary>Every cell arm of the plan with its seeds.</summary>
    public required IReadOnlyList<PlannedCell> Cells { get; init; }
    /// <summary>The trials assigned to this shard.</summary>
    public required IReadOnlyList<TrialIdentity> Assigned { get; init; }
    /// <summary>Those of <see cref="Assigned"/> that were in the store when the manifest was written.</summary>
    public required IReadOnlyList<TrialIdentity> Finished { get; init; }
    /// <summary>What the trials were computed with.</summary>
    public required ShardProvenance Provenance { get; init; }
    /// <summary>When this manifest was written (UTC).</summary>
    public required DateTimeOffset WrittenAt { get; init; }

    /// <summary>The plan the manifest records.</summary>
    public ShardPlan Plan => new(Profile.Name, Cells, Count);
}
