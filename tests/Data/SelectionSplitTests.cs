using ReproSpecs.Harness.Records;
using ReproSpecs.Harness;
using ReproSpecs.Harness.Data;
using ReproSpecs.Harness.Runtime;
using ReproSpecs.Harness.Training;
using ReproSpecs.Tests.Support;
using Shouldly;
using TorchSharp;
using Xunit;

namespace ReproSpecs.Tests.Data;

/// <summary>
/// The validation windows that pick the best step and the contexts that are scored are disjoint: otherwise
/// every "best weights" figure is chosen on the data it is reported on (selection bias).
/// </summary>
public class SelectionSplitTests
{
    [Fact]
    public void Selection_windows_and_scored_contexts_share_no_token_position_on_a_synthetic_corpus()
    {
        TorchRuntime.EnsureInitialized();
        using var data = CharDataset.From(SyntheticCorpus.Tokens(20_000), torch.CPU);
        SharedPositions(TinyExperiment.Profile, data).ShouldBe(0);
    }

    [SkippableTheory]
    [InlineData("smoke")]
    [InlineData("cpu")]
    [InlineData("full")]
    public void Selection_windows_and_scored_contexts_share_no_token_position_in_a_profile(string profile)
    {
        var corpus = RealCorpus.Require();
        TorchRuntime.EnsureInitialized();
        using var data = CharDataset.From(corpus, torch.CPU);
        // Before the split, these windows covered 86 % (cpu) and 100 % (full) of the scored tokens.
        SharedPositions(Profiles.Get(profile), data).ShouldBe(0, $"profile {profile}");
    }

    [Fact]
    public void A_selection_fraction_outside_0_to_1_is_rejected_with_its_name()
    {
        var bad = TinyExperiment.Profile with { SelectionFraction = 1 };
        Should.Throw<ConfigurationException>(() => bad.Validate()).Message.ShouldContain("selection_fraction");
    }

    [Fact]
    public void A_part_shorter_than_the_block_is_rejected_with_a_fix()
    {
        var lopsided = TinyExperiment.Profile with { SelectionFraction = 0.001 };
        Should.Throw<ConfigurationException>(() => lopsided.Validate(validationTokens: 2000)).Message.ShouldContain("Fix:");
    }

    /// <summary>Token positions of the validation split read (input or target) by both the selection loss batches and the scored contexts.</summary>
    private static int SharedPositions(Profile profile, CharDataset data)
    {
        var (evalSet, lossBatches) = ExperimentContext.DrawEvaluationData(profile, data);
        using (evalSet)
        using (lossBatches)
        {
            var selected = Covered(lossBatches.ValStarts.reshape(-1).data<long>().ToArray(), profile.BlockSize, data.ValLength);
            var scored = Covered(evalSet.Starts.ToArray(), profile.BlockSize, data.ValLength);
            scored.Count(c => c).ShouldBeGreaterThan(0);
            selected.Count(c => c).ShouldBeGreaterThan(0);
            return Enumerable.Range(0, data.ValLength).Count(i => selected[i] && scored[i]);
        }
    }

    /// <summary>A window at s reads inputs s..s+T−1 and targets s+1..s+T.</summary>
    private static bool[] Covered(long[] starts, int blockSize, int length)
    {
        var covered = new bool[length];
        foreach (long s in starts)
            for (long i = s; i <= s + blockSize; i++) covered[i] = true;
        return covered;
    }
}
