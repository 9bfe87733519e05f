using ReproSpecs.Harness.Metrics;
using ReproSpecs.Harness.Records;
using ReproSpecs.Harness.Statistics;
using ReproSpecs.Harness.Training;
using Shouldly;
using Xunit;

namespace ReproSpecs.Tests.Statistics;

/// <summary>Building samples from a trained cell's pieces.</summary>
public class CellSampleTests
{
    private static readonly float[][] Last = [[0.5f, 0.5f, 0.2f, 0.8f], [0.9f, 0.1f, 0.5f, 0.5f], [0.3f, 0.7f, 0.6f, 0.4f]];
    private static readonly float[][] Best = [[0.6f, 0.4f, 0.2f, 0.8f], [0.8f, 0.2f, 0.5f, 0.5f], [0.3f, 0.7f, 0.7f, 0.3f]];

    private static TrialRecord Trial(int index, bool diverged) => new()
    {
        ConfigHash = "h", Index = index, Seeds = TrialSeeds.All(42 + index),
        Status = diverged ? TrialStatus.Diverged : TrialStatus.Completed, DivergedAtStep = diverged ? 7 : null,
        Parameters = 1, EvalFingerprint = "f", History = [], StepLosses = [], BestStep = 0,
        Last = diverged ? null : new Score(10, 1.0 + index, 0.5 + index / 10.0, 1, 0.5),
        Best = diverged ? null : new Score(5, 2.0 + index, 0.4 + index / 10.0, 1, 0.5),
        Timing = new TrialTiming(0, 0, 0, 0, 0, 0), FinishedAt = DateTimeOffset.UnixEpoch,
    };

    private static CellResult Result(bool secondDiverges)
    {
        var trials = Enumerable.Range(0, 3).Select(k => Trial(k, secondDiverges && k == 1)).ToList();
        var record = new CellRecord
        {
            Config = CellConfigs.For(Profiles.Cpu, "charlm", "gelu", "sha"),
            ConfigHash = "h", EvalFingerprint = "f",
            Provenance = new Provenance("c", false, "t", "l", "cpu", 1, "sha", 1, "net", "os", "m", DateTimeOffset.UnixEpoch),
            Trials = trials, Pairs = [], Summary = new CellSummary(3, 0, null, null, null),
        };
        float[]?[] Probs(float[][] all) => all.Select((p, k) => secondDiverges && k == 1 ? null : p).ToArray();
        return new CellResult(record, Probs(Last), Probs(Best), 0);
    }

    [Fact]
    public void A_cell_result_gives_seeds_pairwise_pds_losses_and_accuracies()
    {
        var sample = CellSample.FromCellResult(Result(secondDiverges: false));
        sample.Model.ShouldBe("charlm");
        sample.Activation.ShouldBe("gelu");
        sample.Seeds.ShouldBe([TrialSeeds.All(42), TrialSeeds.All(43), TrialSeeds.All(44)]);
        sample.Pd(0, 2).ShouldBe(PredictionDisagreement.Relative(Last[0], Last[2]));
        sample.Loss.ShouldBe([1.0, 2.0, 3.0]);
        sample.Accuracy.ShouldNotBeNull().ShouldBe([0.5, 0.6, 0.7], tolerance: 1e-12);
    }

    [Fact]
    public void Best_weights_use_the_best_scores_and_probabilities()
    {
        var sample = CellSample.FromCellResult(Result(secondDiverges: false), bestWeights: true);
        sample.Pd(1, 2).ShouldBe(PredictionDisagreement.Relative(Best[1], Best[2]));
        sample.Loss.ShouldBe([2.0, 3.0, 4.0]);
    }

    [Fact]
    public void A_diverged_trial_is_left_out_and_its_seed_goes_missing()
    {
        var sample = CellSample.FromCellResult(Result(secondDiverges: true));
        sample.Trials.ShouldBe(2);
        sample.Seeds.ShouldBe([TrialSeeds.All(42), TrialSeeds.All(44)]);
        sample.Pd(0, 1).ShouldBe(PredictionDisagreement.Relative(Last[0], Last[2]));
        sample.Loss.ShouldBe([1.0, 3.0]);
    }
}
