using ReproSpecs.Harness.Records;
using ReproSpecs.Harness.Sharding;
using Shouldly;
using Xunit;

namespace ReproSpecs.Tests.Sharding;

/// <summary>The split of a plan's trials over shards: complete, stable, balanced by expected cost.</summary>
public sealed class ShardAssignmentTests
{
    private static readonly string[] Models = ["charlm", "tinylstm", "minigpt", "convlm", "hybridlm", "nanotransformer", "myplugin"];
    private static readonly string[] Activations = ["gelu", "relu", "silu"];

    /// <summary>A study-like grid, with the ablation arm's trials on relu, given in a scrambled order.</summary>
    private static List<TrialIdentity> Trials(int trials = 5)
    {
        var list = (from m in Models
                    from a in Activations
                    from arm in a == "relu" ? new[] { SeedArm.All, SeedArm.SameSeed } : [SeedArm.All]
                    from k in Enumerable.Range(0, trials)
                    select new TrialIdentity("smoke", m, a, arm, k, $"hash-{m}-{a}", SeedArms.SeedsOf(arm, 42, k))).ToList();
        return list.OrderBy(t => (t.Index * 7919 + t.Model.Length * 31 + t.Activation.Length) % 101).ToList();
    }

    [Fact]
    public void Every_trial_is_assigned_exactly_once_for_one_to_ten_shards_and_the_spread_is_bounded()
    {
        var trials = Trials();
        double maxTrial = trials.Max(ShardAssignment.CostOf), total = trials.Sum(ShardAssignment.CostOf);
        for (int n = 1; n <= 10; n++)
        {
            var assignment = ShardAssignment.Assign(trials, n);
            assignment.Keys.ShouldBe(trials, ignoreOrder: true);
            assignment.Values.ShouldAllBe(s => s >= 0 && s < n);
            var loads = Enumerable.Range(0, n).Select(s => trials.Where(t => assignment[t] == s).Sum(ShardAssignment.CostOf)).ToList();
            loads.Max().ShouldBeLessThanOrEqualTo(total / n + maxTrial + 1e-9, $"n = {n}: {string.Join(", ", loads)}");
            if (n <= trials.Count) loads.ShouldAllBe(l => l > 0, $"n = {n}: no shard idles");
        }
    }

    [Fact]
    public void The_split_is_the_same_whatever_order_the_trials_come_in()
    {
        var trials = Trials();
        var reversed = Enumerable.Reverse(trials).ToList();
        for (int n = 1; n <= 10; n++)
            ShardAssignment.Assign(reversed, n).OrderBy(p => p.Key.Key, StringComparer.Ordinal).ToList()
                .ShouldBe(ShardAssignment.Assign(trials, n).OrderBy(p => p.Key.Key, StringComparer.Ordinal).ToList());
    }

    [Fact]
    public void Changing_only_the_shard_count_repartitions_the_same_trials()
    {
        var trials = Trials();
        var three = ShardAssignment.Assign(trials, 3);
        var seven = ShardAssignment.Assign(trials, 7);
        three.Keys.ToHashSet().SetEquals(seven.Keys).ShouldBeTrue();
        three.GroupBy(p => p.Value).Count().ShouldBe(3);
        seven.GroupBy(p => p.Value).Count().ShouldBe(7);
    }

    [Fact]
    public void Costlier_architectures_get_fewer_trials_per_shard()
    {
        ArchitectureCostWeights.Of("hybridlm").ShouldBeGreaterThan(ArchitectureCostWeights.Of("nanotransformer") * 2, "the bench's ~2.7× spread");
        ArchitectureCostWeights.Of("myplugin").ShouldBe(1.0, "a plugin's architecture weighs like CharLM");
        // Two shards over one costly and one cheap architecture: trial counts differ, costs do not (by more than a trial).
        var trials = Trials().Where(t => t.Model is "hybridlm" or "nanotransformer").ToList();
        var assignment = ShardAssignment.Assign(trials, 2);
        var costs = Enumerable.Range(0, 2).Select(s => trials.Where(t => assignment[t] == s).Sum(ShardAssignment.CostOf)).ToList();
        Math.Abs(costs[0] - costs[1]).ShouldBeLessThanOrEqualTo(ArchitectureCostWeights.Of("hybridlm"));
    }

    [Fact]
    public void The_ablation_arms_trials_are_units_of_their_own()
    {
        var trials = Trials();
        var same = trials.Where(t => t.Arm == SeedArm.SameSeed).ToList();
        same.Count.ShouldBe(Models.Length * 5);
        ShardAssignment.Assign(trials, 4).Keys.Count(t => t.Arm == SeedArm.SameSeed).ShouldBe(same.Count);
        same[0].ToString().ShouldEndWith("(arm same)");
    }
}
