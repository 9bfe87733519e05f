using ReproSpecs.Harness.Data;
using ReproSpecs.Harness.Records;
using ReproSpecs.Tests.Support;
using Shouldly;
using Xunit;

namespace ReproSpecs.Tests.Training;

/// <summary>Training one trial: bit-identical for the same seeds, different for different ones, each seed source on its own.</summary>
[Collection(TrainingCollection.Name)]
public class TrialTrainerTests(TinyExperiment experiment)
{
    private static int[] Bits(float[]? values)
    {
        values.ShouldNotBeNull();
        return values.Select(BitConverter.SingleToInt32Bits).ToArray();
    }

    [Fact]
    public void A_trial_records_every_step_every_evaluation_and_probability_rows()
    {
        var profile = TinyExperiment.Profile;
        var trial = experiment.Trained(TrialSeeds.All(42));
        var r = trial.Record;

        r.Status.ShouldBe(TrialStatus.Completed);
        r.ConfigHash.ShouldBe(experiment.Cell().Hash);
        r.StepLosses.Length.ShouldBe(profile.MaxIters);
        r.StepLosses.ShouldAllBe(l => float.IsFinite(l));
        r.History.Select(h => h.Step).ShouldBe([0, 10, 20]);
        r.History.ShouldAllBe(h => double.IsFinite(h.TrainLoss) && double.IsFinite(h.ValLoss));
        r.EvalFingerprint.ShouldBe(experiment.Context.EvalSet.Fingerprint);
        r.Last.ShouldNotBeNull().Step.ShouldBe(profile.MaxIters);
        r.Best.ShouldNotBeNull().Step.ShouldBe(r.BestStep);
        r.History.Single(h => h.Step == r.BestStep).ValLoss.ShouldBe(r.History.Min(h => h.ValLoss));
        r.Last.Accuracy.ShouldBeInRange(0, 1);

        trial.LastProbabilities.ShouldNotBeNull().Length.ShouldBe(profile.EvalContexts * CharVocabulary.Size);
        trial.BestProbabilities.ShouldNotBeNull().Length.ShouldBe(profile.EvalContexts * CharVocabulary.Size);
        for (int n = 0; n < profile.EvalContexts; n++)
            trial.LastProbabilities.AsSpan(n * CharVocabulary.Size, CharVocabulary.Size).ToArray().Sum().ShouldBe(1f, 1e-4f);
    }

    [Fact]
    public void The_same_trial_trained_twice_is_bit_identical()
    {
        var a = experiment.Trained(TrialSeeds.All(42));
        var b = experiment.Train(TrialSeeds.All(42));

        Bits(b.Record.StepLosses).ShouldBe(Bits(a.Record.StepLosses));
        b.Record.History.ShouldBe(a.Record.History);
        b.Record.Last.ShouldBe(a.Record.Last);
        b.Record.Best.ShouldBe(a.Record.Best);
        b.Record.BestStep.ShouldBe(a.Record.BestStep);
        Bits(b.LastProbabilities).ShouldBe(Bits(a.LastProbabilities));
        Bits(b.BestProbabilities).ShouldBe(Bits(a.BestProbabilities));
    }

    [Fact]
    public void Different_seeds_give_different_losses_and_probabilities()
    {
        var a = experiment.Trained(TrialSeeds.All(42));
        var b = experiment.Trained(TrialSeeds.All(43));

        Bits(b.Record.StepLosses).ShouldNotBe(Bits(a.Record.StepLosses));
        Bits(b.LastProbabilities).ShouldNotBe(Bits(a.LastProbabilities));
        b.Record.History[0].ShouldNotBe(a.Record.History[0], "another init seed gives other initial weights");
    }

    [Fact]
    public void Each_seed_source_changes_the_result_on_its_own_and_only_init_changes_the_initial_weights()
    {
        var baseline = experiment.Trained(new TrialSeeds(42, 42, 42));
        var init = experiment.Trained(new TrialSeeds(43, 42, 42));
        var data = experiment.Trained(new TrialSeeds(42, 43, 42));
        var dropout = experiment.Trained(new TrialSeeds(42, 42, 43));

        foreach (var (name, other) in new[] { ("init", init), ("data", data), ("dropout", dropout) })
            Bits(other.LastProbabilities).ShouldNotBe(Bits(baseline.LastProbabilities), $"changing the {name} seed alone");

        // Step-0 evaluation sees the untrained model: it depends on the init seed only.
        init.Record.History[0].ShouldNotBe(baseline.Record.History[0]);
        data.Record.History[0].ShouldBe(baseline.Record.History[0]);
        dropout.Record.History[0].ShouldBe(baseline.Record.History[0]);
    }
}
