namespace ReproSpecs.Harness.Sharding;

/// <summary>
/// Splits a plan's trials over shards by expected cost: longest processing time first. Trials are taken in order of
/// cost (descending), ties by their ordinal <see cref="TrialIdentity.Key"/>, and each goes to the shard with the least
/// cost so far (ties: the lowest index). Every input is a number or an ordinal string, so every machine computes the
/// same split; and the most loaded shard never exceeds the mean by more than one trial's cost (the trial that made it
/// the most loaded started on a shard at or below the mean).
/// </summary>
public static class ShardAssignment
{
    /// <summary>The shard of each trial.</summary>
    /// <param name="trials">The plan's trials (any order; the result does not depend on it).</param>
    /// <param name="count">Shards, at least 1.</param>
    /// <param name="cost">A trial's expected cost; default: <see cref="ArchitectureCostWeights"/> of its architecture.</param>
    /// <returns>Trial → 0-based shard index.</returns>
    public static IReadOnlyDictionary<TrialIdentity, int> Assign(IEnumerable<TrialIdentity> trials, int count, Func<TrialIdentity, double>? cost = null)
    {
        if (count < 1) throw new ArgumentOutOfRangeException(nameof(count), count, "at least one shard");
        cost ??= CostOf;
        var load = new double[count];
        var shards = new Dictionary<TrialIdentity, int>();
        foreach (var trial in trials.Distinct().OrderByDescending(cost).ThenBy(t => t.Key, StringComparer.Ordinal))
        {
            int least = 0;
            for (int s = 1; s < count; s++)
                if (load[s] < load[least]) least = s;
            load[least] += cost(trial);
            shards[trial] = least;
        }
        return shards;
    }

    /// <summary>The default cost of a trial: its architecture's weight.</summary>
    public static double CostOf(TrialIdentity trial) => ArchitectureCostWeights.Of(trial.Model);
}
