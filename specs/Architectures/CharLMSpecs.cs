using ReproSpecs.Harness.Activations;
using ReproSpecs.Harness.Results;
using ReproSpecs.Harness.Training;
using ReproSpecs.Specs.Infrastructure;
using Shouldly;
using Xunit;

namespace ReproSpecs.Specs.Architectures;

/// <summary>CharLM: the six activation cells and the determinism spec. Run alone with <c>dotnet test --filter Arch=charlm</c>.</summary>
[Trait("Arch", Model)]
[Collection(ExperimentCollection.Name)]
public sealed class CharLMSpecs(ExperimentFixture fixture)
{
    private const string Model = "charlm";

    /// <summary>The study's six activations.</summary>
    public static TheoryData<string> Activations => new(ActivationRegistry.StudyGrid);

    [SkippableTheory]
    [MemberData(nameof(Activations))]
    public void Cell_is_finite_learns_and_stays_within_its_baseline(string activation) =>
        CellAssertions.RunAndCheck(fixture, Model, activation);

    [SkippableFact]
    public void The_same_trial_trained_twice_gives_bit_identical_probabilities()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        Skip.If(fixture.Context.Device.type != TorchSharp.DeviceType.CPU, "bit-identity is only promised on CPU");
        var profile = fixture.Settings.Profile;
        // A short run keeps this fast in every profile; determinism does not depend on length.
        var cell = CellConfig.For(profile with { MaxIters = Math.Min(profile.MaxIters, 30), EvalInterval = 10 }, Model, "gelu", fixture.Context.Corpus.Sha256);
        var seeds = TrialSeeds.All(profile.BaseSeed);
        var first = TrialTrainer.Train(fixture.Context, cell, 0, 2, seeds);
        var second = TrialTrainer.Train(fixture.Context, cell, 1, 2, seeds);
        second.LastProbabilities!.SequenceEqual(first.LastProbabilities!).ShouldBeTrue("same config and seeds must give bit-identical probabilities on CPU");
        second.Record.StepLosses.SequenceEqual(first.Record.StepLosses).ShouldBeTrue("same config and seeds must give bit-identical training losses on CPU");
    }
}
