namespace ReproSpecs.Harness.Sharding;

/// <summary>What a merge found of a plan's trials across the shard stores.</summary>
/// <param name="Present">Trials copied into the merged store (or already there, identical).</param>
/// <param name="Missing">Trials no store holds, each with the shard the plan assigns it to.</param>
/// <param name="Duplicates">Trials found in more than one store with identical content (kept once).</param>
public sealed record MergedTrials(IReadOnlyList<TrialIdentity> Present, IReadOnlyList<(TrialIdentity Trial, int Shard)> Missing, int Duplicates)
{
    /// <summary>The shards to rerun (those that own a missing trial), ascending.</summary>
    public IReadOnlyList<int> RerunShards => Missing.Select(m => m.Shard).Distinct().Order().ToList();

    /// <summary>Whether every trial of the plan is present.</summary>
    public bool Complete => Missing.Count == 0;
}
