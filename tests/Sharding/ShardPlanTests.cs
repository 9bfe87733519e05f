using ReproSpecs.Harness.Records;
using ReproSpecs.Harness.Sharding;
using ReproSpecs.Harness.Training;
using Shouldly;
using Xunit;

namespace ReproSpecs.Tests.Sharding;

/// <summary>A sharded run's plan: its hash tells plans apart, and its shards partition its trials.</summary>
public sealed class ShardPlanTests
{
    internal static ShardPlan Plan(int trials = 3, int count = 3, int maxIters = 20, string[]? models = null, SeedArm[]? arms = null)
    {
        var profile = Profiles.Get("smoke") with { MaxIters = maxIters };
        return new ShardPlan(profile.Name,
            (from m in models ?? ["charlm", "tinylstm"]
             from a in new[] { "gelu", "relu" }
             from arm in arms ?? [SeedArm.All]
             select new PlannedCell(CellConfigs.For(profile, m, a, "corpus-sha", threads: 1), arm, SeedArms.Seeds(arm, profile.BaseSeed, trials))).ToList(),
            count);
    }

    [Fact]
    public void The_hash_changes_with_the_shard_count_the_trials_the_settings_and_the_arms_but_not_the_cell_order()
    {
        var plan = Plan();
        plan.Hash.ShouldBe(Plan().Hash, "computed alike by every shard");
        new[] { Plan(count: 4).Hash, Plan(trials: 4).Hash, Plan(maxIters: 21).Hash, Plan(arms: [SeedArm.All, SeedArm.SameSeed]).Hash, Plan(models: ["charlm"]).Hash }
            .ShouldAllBe(h => h != plan.Hash);
        (plan with { Cells = Enumerable.Reverse(plan.Cells).ToList() }).Hash.ShouldBe(plan.Hash);
    }

    [Fact]
    public void The_shards_trials_partition_the_plan_and_their_cost_shares_add_up()
    {
        foreach (int n in new[] { 1, 3, 7, 12, 13 })
        {
            var plan = Plan(count: n);
            var shards = Enumerable.Range(0, n).Select(plan.TrialsOf).ToList();
            shards.SelectMany(s => s).ShouldBe(plan.Trials, ignoreOrder: true);
            shards.Sum(s => s.Count).ShouldBe(12);
            Enumerable.Range(0, n).Sum(plan.CostShare).ShouldBe(1.0, 1e-9);
        }
    }

    [Fact]
    public void A_trial_keeps_its_seeds_whichever_shard_trains_it()
    {
        var plan = Plan(count: 7);
        foreach (var t in plan.Trials.Where(t => t.Arm == SeedArm.All)) t.Seeds.ShouldBe(TrialSeeds.All(42 + t.Index));
    }
}
