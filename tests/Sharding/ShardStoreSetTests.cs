using ReproSpecs.Harness;
using ReproSpecs.Harness.Records;
using ReproSpecs.Harness.Sharding;
using ReproSpecs.Tests.Support;
using Shouldly;
using Xunit;

namespace ReproSpecs.Tests.Sharding;

/// <summary>The checks a merge makes on its shard stores before it reads a trial: manifests present, one plan, one provenance.</summary>
public sealed class ShardStoreSetTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static readonly ShardProvenance Same = new("code-1", "2.7.1", "cpu", "corpus-sha", "eval-1", "0.105", "abc", "host");

    private string Store(string name, ShardPlan plan, int index, ShardProvenance? provenance = null)
    {
        string root = Path.Combine(_temp.Path, name);
        ShardManifests.Write(root, new ShardManifest
        {
            PlanHash = plan.Hash, Index = index, Count = plan.Count, Adapter = "option",
            Variables = new Dictionary<string, string> { ["--shard"] = $"{index}/{plan.Count}" },
            Profile = Profiles.Get("smoke") with { MaxIters = 20 }, Cells = plan.Cells, Assigned = plan.TrialsOf(index), Finished = [],
            Provenance = provenance ?? Same, WrittenAt = DateTimeOffset.UnixEpoch,
        });
        return root;
    }

    [Fact]
    public void Manifests_of_one_plan_and_provenance_load_with_their_plan()
    {
        var plan = ShardPlanTests.Plan();
        var set = ShardStoreSet.Load([Store("a", plan, 0), Store("b", plan, 1), Store("c", plan, 2)]);
        set.Plan.Hash.ShouldBe(plan.Hash);
        set.Manifests.Select(m => m.Manifest.Index).ShouldBe([0, 1, 2]);
        set.First.Assigned.ShouldBe(plan.TrialsOf(0));
    }

    [Fact]
    public void A_store_without_a_manifest_is_refused()
    {
        var plan = ShardPlanTests.Plan();
        string empty = Path.Combine(_temp.Path, "plain");
        Directory.CreateDirectory(empty);
        Should.Throw<ConfigurationException>(() => ShardStoreSet.Load([Store("a", plan, 0), empty])).Message
            .ShouldStartWith($"{empty} holds no shard manifest");
        Should.Throw<ConfigurationException>(() => ShardStoreSet.Load([Path.Combine(_temp.Path, "nowhere")])).Message.ShouldContain("does not exist");
    }

    [Fact]
    public void Shards_of_two_plans_are_refused_naming_both()
    {
        var three = ShardPlanTests.Plan();
        var four = ShardPlanTests.Plan(count: 4);
        string a = Store("a", three, 0), b = Store("b", four, 1);
        string message = Should.Throw<ConfigurationException>(() => ShardStoreSet.Load([a, b])).Message;
        message.ShouldContain($"plan {three.ShortHash} (smoke, 2 architecture(s) × 2 activation(s), 3 trials, 3 shards) in {a}");
        message.ShouldContain($"plan {four.ShortHash} (smoke, 2 architecture(s) × 2 activation(s), 3 trials, 4 shards) in {b}");
    }

    [Theory]
    [InlineData("code fingerprint")]
    [InlineData("libtorch version")]
    [InlineData("device type")]
    [InlineData("corpus hash")]
    [InlineData("evaluation fingerprint")]
    public void Shards_of_mixed_provenance_are_refused_naming_the_field_and_the_stores(string field)
    {
        var odd = field switch
        {
            "code fingerprint" => Same with { CodeFingerprint = "code-2" },
            "libtorch version" => Same with { LibTorchVersion = "2.8.0" },
            "device type" => Same with { Device = "cuda" },
            "corpus hash" => Same with { CorpusSha256 = "other-sha" },
            _ => Same with { EvalFingerprint = "eval-2" },
        };
        var plan = ShardPlanTests.Plan();
        string a = Store("a", plan, 0), b = Store("b", plan, 1, odd);
        string message = Should.Throw<ConfigurationException>(() => ShardStoreSet.Load([a, b])).Message;
        message.ShouldStartWith($"The shards disagree on {field}: ");
        message.ShouldContain($"(shard 0, {a}) vs ");
        message.ShouldContain($"(shard 1, {b})");
    }

    [Fact]
    public void Where_a_shard_ran_differs_freely()
    {
        var plan = ShardPlanTests.Plan();
        ShardStoreSet.Load([Store("a", plan, 0), Store("b", plan, 1, Same with { Machine = "other", GitCommit = "def" })]).Manifests.Count.ShouldBe(2);
    }

    [Fact]
    public void Shards_of_another_build_are_refused_before_anything_is_copied()
    {
        var plan = ShardPlanTests.Plan();
        var set = ShardStoreSet.Load([Store("a", plan, 0)]);
        Should.Throw<ConfigurationException>(() => Harness.Cells.ShardMerge.CheckBuild(set)).Message
            .ShouldStartWith("The shards' trials were computed by other code (fingerprint code-1) than this build (");
    }
}
