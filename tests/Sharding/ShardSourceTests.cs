using ReproSpecs.Harness;
using ReproSpecs.Harness.Sharding;
using Shouldly;
using Xunit;

namespace ReproSpecs.Tests.Sharding;

/// <summary>Each source of a shard's index and count, the precedence between them, and one clear line for every bad value.</summary>
public sealed class ShardSourceTests
{
    private static Func<string, string?> Env(params (string Name, string Value)[] variables)
    {
        var map = variables.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);
        return name => map.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
    }

    private static ShardSpec Resolve(string? option, params (string, string)[] variables) => ShardSources.Resolve(option, Env(variables)).ShouldNotBeNull();

    private static string Refused(string? option, params (string, string)[] variables) =>
        Should.Throw<ConfigurationException>(() => ShardSources.Resolve(option, Env(variables))).Message;

    [Fact]
    public void Nothing_set_is_an_unsharded_run() => ShardSources.Resolve(null, Env()).ShouldBeNull();

    [Fact]
    public void The_option_reads_index_slash_count()
    {
        var s = Resolve("2/7");
        (s.Index, s.Count, s.Adapter).ShouldBe((2, 7, "option"));
        s.Describe().ShouldBe("shard 2 of 7 (--shard=2/7)");
    }

    [Fact]
    public void REPROSPECS_SHARD_is_recorded_as_github_under_GitHub_Actions()
    {
        var plain = Resolve(null, ("REPROSPECS_SHARD", "0/4"));
        (plain.Index, plain.Count, plain.Adapter).ShouldBe((0, 4, "reprospecs"));
        var github = Resolve(null, ("REPROSPECS_SHARD", "3/4"), ("GITHUB_ACTIONS", "true"));
        (github.Index, github.Count, github.Adapter).ShouldBe((3, 4, "github"));
        github.Variables["GITHUB_ACTIONS"].ShouldBe("true");
    }

    [Fact]
    public void Slurm_reads_the_task_id_as_the_shard_with_the_whole_arrays_count_or_REPROSPECS_SHARD_COUNT()
    {
        var counted = Resolve(null, ("SLURM_ARRAY_TASK_ID", "2"), ("SLURM_ARRAY_TASK_COUNT", "7"));
        (counted.Index, counted.Count, counted.Adapter).ShouldBe((2, 7, "slurm"));
        counted.Describe().ShouldBe("shard 2 of 7 (SLURM_ARRAY_TASK_COUNT=7, SLURM_ARRAY_TASK_ID=2)");
        var whole = Resolve(null, ("SLURM_ARRAY_TASK_ID", "4"), ("SLURM_ARRAY_TASK_MIN", "0"), ("SLURM_ARRAY_TASK_MAX", "6"), ("SLURM_ARRAY_TASK_COUNT", "7"));
        (whole.Index, whole.Count).ShouldBe((4, 7));
        // A rerun of the shards a merge named (sbatch --array=3,11) trains shards 3 and 11 of the study's 16, not 0 and 1 of 2.
        var rerun = Resolve(null, ("SLURM_ARRAY_TASK_ID", "11"), ("SLURM_ARRAY_TASK_MIN", "3"), ("SLURM_ARRAY_TASK_MAX", "11"), ("SLURM_ARRAY_TASK_COUNT", "2"),
            ("REPROSPECS_SHARD_COUNT", "16"));
        (rerun.Index, rerun.Count).ShouldBe((11, 16));
    }

    [Fact]
    public void A_Slurm_array_that_is_not_the_whole_study_needs_its_shard_count()
    {
        // Before: task 11 of --array=3,11 silently became shard 1 of 2 (its id minus the array's minimum).
        Refused(null, ("SLURM_ARRAY_TASK_ID", "11"), ("SLURM_ARRAY_TASK_MIN", "3"), ("SLURM_ARRAY_TASK_MAX", "11"), ("SLURM_ARRAY_TASK_COUNT", "2"))
            .ShouldContain("Fix: set REPROSPECS_SHARD_COUNT to the study's shard count");
        Refused(null, ("SLURM_ARRAY_TASK_ID", "12"), ("SLURM_ARRAY_TASK_MIN", "10"), ("SLURM_ARRAY_TASK_MAX", "14"))
            .ShouldContain("is not the study's shards 0 to N-1");
    }

    [Fact]
    public void Kubernetes_reads_the_completion_index_with_REPROSPECS_SHARD_COUNT()
    {
        var s = Resolve(null, ("JOB_COMPLETION_INDEX", "5"), ("REPROSPECS_SHARD_COUNT", "6"));
        (s.Index, s.Count, s.Adapter).ShouldBe((5, 6, "kubernetes"));
    }

    [Fact]
    public void GitLab_counts_from_one()
    {
        var first = Resolve(null, ("CI_NODE_INDEX", "1"), ("CI_NODE_TOTAL", "4"));
        (first.Index, first.Count, first.Adapter).ShouldBe((0, 4, "gitlab"));
        Resolve(null, ("CI_NODE_INDEX", "4"), ("CI_NODE_TOTAL", "4")).Index.ShouldBe(3);
        ShardSources.Resolve(null, Env(("CI_NODE_TOTAL", "1"))).ShouldBeNull("GitLab sets CI_NODE_TOTAL=1 in every job that is not parallel");
    }

    [Fact]
    public void The_option_wins_then_REPROSPECS_SHARD_then_Slurm_Kubernetes_GitLab()
    {
        var all = new[]
        {
            ("REPROSPECS_SHARD", "1/9"), ("SLURM_ARRAY_TASK_ID", "2"), ("SLURM_ARRAY_TASK_COUNT", "9"),
            ("JOB_COMPLETION_INDEX", "3"), ("REPROSPECS_SHARD_COUNT", "9"), ("CI_NODE_INDEX", "5"), ("CI_NODE_TOTAL", "9"),
        };
        Resolve("0/9", all).Adapter.ShouldBe("option");
        Resolve(null, all).Adapter.ShouldBe("reprospecs");
        Resolve(null, all.Skip(1).ToArray()).Adapter.ShouldBe("slurm");
        Resolve(null, all.Skip(3).ToArray()).Adapter.ShouldBe("kubernetes");
        var gitlab = Resolve(null, all.Skip(5).ToArray());
        (gitlab.Adapter, gitlab.Index).ShouldBe(("gitlab", 4));
    }

    [Theory]
    [InlineData("7/7", "--shard gives shard index 7 of 7")]
    [InlineData("0/0", "--shard (the count after '/') is 0; it must be at least 1")]
    [InlineData("a/3", "--shard (the index before '/') is 'a', not a whole number")]
    [InlineData("-1/3", "--shard (the index before '/') is '-1', not a whole number")]
    [InlineData("3", "--shard='3' is not a shard: it must be INDEX/COUNT")]
    public void A_bad_option_is_one_line_naming_it_and_the_fix(string value, string expected)
    {
        string message = Refused(value);
        message.ShouldContain(expected);
        message.ShouldContain("Fix:", Case.Insensitive);
        message.ShouldNotContain("\n");
    }

    [Fact]
    public void Bad_scheduler_values_name_their_variable()
    {
        Refused(null, ("REPROSPECS_SHARD", "4/4")).ShouldContain("REPROSPECS_SHARD gives shard index 4 of 4");
        Refused(null, ("SLURM_ARRAY_TASK_ID", "3")).ShouldContain("SLURM_ARRAY_TASK_ID=3 is set but neither SLURM_ARRAY_TASK_COUNT nor SLURM_ARRAY_TASK_MAX is");
        Refused(null, ("SLURM_ARRAY_TASK_ID", "x"), ("SLURM_ARRAY_TASK_COUNT", "3")).ShouldContain("SLURM_ARRAY_TASK_ID is 'x', not a whole number");
        Refused(null, ("SLURM_ARRAY_TASK_ID", "7"), ("SLURM_ARRAY_TASK_COUNT", "7")).ShouldContain("shard index 7 of 7");
        Refused(null, ("SLURM_ARRAY_TASK_ID", "0"), ("SLURM_ARRAY_TASK_COUNT", "0")).ShouldContain("SLURM_ARRAY_TASK_COUNT is 0");
        Refused(null, ("JOB_COMPLETION_INDEX", "2")).ShouldContain("REPROSPECS_SHARD_COUNT is not");
        Refused(null, ("JOB_COMPLETION_INDEX", "2"), ("REPROSPECS_SHARD_COUNT", "2")).ShouldContain("JOB_COMPLETION_INDEX gives shard index 2 of 2");
        Refused(null, ("CI_NODE_INDEX", "0"), ("CI_NODE_TOTAL", "3")).ShouldContain("CI_NODE_INDEX (1-based) is 0");
        Refused(null, ("CI_NODE_INDEX", "4"), ("CI_NODE_TOTAL", "3")).ShouldContain("CI_NODE_INDEX=4 is above CI_NODE_TOTAL=3");
    }

    [Fact]
    public void The_shard_variables_are_registered_so_they_are_not_rejected_as_typos()
    {
        Harness.Configuration.EnvironmentVariables.CheckNames(new System.Collections.Hashtable { ["REPROSPECS_SHARD"] = "0/2", ["REPROSPECS_SHARD_COUNT"] = "2" });
        Should.Throw<ConfigurationException>(() => Harness.Configuration.EnvironmentVariables.CheckNames(new System.Collections.Hashtable { ["REPROSPECS_SHARDS"] = "0/2" }));
    }
}
