using ReproSpecs.Harness.Records;
using ReproSpecs.Harness.Training;
using ReproSpecs.Tests.Support;
using Shouldly;
using Xunit;

namespace ReproSpecs.Tests.Training;

/// <summary>
/// Periodic evaluation draws no training randomness and writes no weight, so how often and how it runs changes no
/// trained bit: the lever "no work that changes no trained bit" (docs/benchmarks.md) rests on these tests.
/// </summary>
[Collection(TrainingCollection.Name)]
public class EvaluationIndependenceTests(TinyExperiment experiment)
{
    private static int[] Bits(float[]? values) => values.ShouldNotBeNull().Select(BitConverter.SingleToInt32Bits).ToArray();

    private static long[] Bits(IEnumerable<double> values) => values.Select(BitConverter.DoubleToInt64Bits).ToArray();

    private TrainedTrial Train(Profile profile) =>
        TrialTrainer.Train(experiment.Context, CellConfigs.For(profile, "charlm", "gelu", experiment.Corpus), 0, 2, TrialSeeds.All(42));

    [Fact]
    public void Evaluating_at_every_step_or_only_at_the_ends_trains_bit_identical_weights()
    {
        var profile = TinyExperiment.Profile;
        var everyStep = Train(profile with { EvalInterval = 1 });
        var onlyEnds = Train(profile with { EvalInterval = profile.MaxIters });

        everyStep.Record.History.Count.ShouldBe(profile.MaxIters + 1, "an evaluation at step 0 and after every step");
        onlyEnds.Record.History.Count.ShouldBe(2, "an evaluation at step 0 and after the last step");
        Bits(onlyEnds.Record.StepLosses).ShouldBe(Bits(everyStep.Record.StepLosses), "every training loss, bit for bit");
        Bits(onlyEnds.LastProbabilities).ShouldBe(Bits(everyStep.LastProbabilities), "the trained model's probabilities, bit for bit");
        Bits(onlyEnds.AsCodedProbabilities).ShouldBe(Bits(everyStep.AsCodedProbabilities));
        onlyEnds.Record.Last.ShouldBe(everyStep.Record.Last);
        Bits([onlyEnds.Record.History[^1].ValLoss, onlyEnds.Record.History[^1].TrainLoss])
            .ShouldBe(Bits([everyStep.Record.History[^1].ValLoss, everyStep.Record.History[^1].TrainLoss]), "the last evaluation sees the same weights");
    }

    [Fact]
    public void A_smaller_train_split_estimate_changes_only_the_recorded_train_losses()
    {
        var profile = TinyExperiment.Profile;
        var study = Train(profile);
        var fewer = Train(profile with { TrainLossIters = 1 });

        Bits(fewer.Record.StepLosses).ShouldBe(Bits(study.Record.StepLosses));
        Bits(fewer.LastProbabilities).ShouldBe(Bits(study.LastProbabilities));
        Bits(fewer.BestProbabilities).ShouldBe(Bits(study.BestProbabilities), "the best step is chosen on the validation loss, which is unchanged");
        Bits(fewer.AsCodedProbabilities).ShouldBe(Bits(study.AsCodedProbabilities));
        fewer.Record.BestStep.ShouldBe(study.Record.BestStep);
        Bits(fewer.Record.History.Select(h => h.ValLoss)).ShouldBe(Bits(study.Record.History.Select(h => h.ValLoss)));
        Bits(fewer.Record.History.Select(h => h.TrainLoss)).ShouldNotBe(Bits(study.Record.History.Select(h => h.TrainLoss)),
            "one of the two fixed training batches estimates another train loss: the setting does what it says");
    }

    [Fact]
    public void The_train_split_estimate_enters_the_cell_identity_only_when_set()
    {
        var study = CellConfigs.For(TinyExperiment.Profile, "charlm", "gelu", experiment.Corpus);
        var fewer = CellConfigs.For(TinyExperiment.Profile with { TrainLossIters = 1 }, "charlm", "gelu", experiment.Corpus);

        System.Text.Json.JsonSerializer.Serialize(study, Json.Compact).ShouldNotContain(nameof(Profile.TrainLossIters), Case.Insensitive,
            "unset, it is left out of the JSON, so the study's cells keep their hashes and their stored trials");
        fewer.Hash.ShouldNotBe(study.Hash, "it changes a recorded number (the train-loss curve), so trials of the two are not interchangeable");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void A_train_split_estimate_outside_1_to_eval_iters_is_a_configuration_error(int n)
    {
        var e = Should.Throw<ReproSpecs.Harness.ConfigurationException>(() => (TinyExperiment.Profile with { TrainLossIters = n }).Validate());
        e.Message.ShouldContain("train_loss_iters");
        e.Message.ShouldContain("Fix:");
    }
}
