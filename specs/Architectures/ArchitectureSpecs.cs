using ReproSpecs.Harness.Activations;
using ReproSpecs.Harness.Models;
using ReproSpecs.Harness.Models.Checks;
using ReproSpecs.Harness.Results;
using ReproSpecs.Harness.Training;
using ReproSpecs.Specs.Infrastructure;
using Shouldly;
using Xunit;

namespace ReproSpecs.Specs.Architectures;

/// <summary>
/// What every architecture must satisfy. One sealed subclass per architecture carries its
/// <c>[Trait("Arch", name)]</c>, so <c>dotnet test specs --filter Arch=convlm</c> runs one architecture.
/// <list type="bullet">
/// <item>The cell theory: the study's six activations, each trained, scored and checked (<see cref="CellAssertions"/>).</item>
/// <item>Determinism: one trial trained twice is bit-identical on CPU.</item>
/// <item>Structural specs (tiny models, CPU, every profile, well under a second each): causality, activation
/// wiring, seed → parameters, parameter count against the documented formula.</item>
/// </list>
/// </summary>
public abstract class ArchitectureSpecs(ExperimentFixture fixture)
{
    /// <summary>The architecture's registry name.</summary>
    protected abstract string Model { get; }

    private ModelSpec Spec => ModelRegistry.Get(Model);

    /// <summary>The study's six activations.</summary>
    public static TheoryData<string> Activations => new(ActivationRegistry.StudyGrid);

    [SkippableTheory]
    [MemberData(nameof(Activations), MemberType = typeof(ArchitectureSpecs))]
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
        second.LastProbabilities!.SequenceEqual(first.LastProbabilities!).ShouldBeTrue($"{Model}: same config and seeds must give bit-identical probabilities on CPU");
        second.Record.StepLosses.SequenceEqual(first.Record.StepLosses).ShouldBeTrue($"{Model}: same config and seeds must give bit-identical training losses on CPU");
    }

    [Theory]
    [InlineData("relu")]
    [InlineData("swiglu")]
    public void Outputs_at_a_position_never_depend_on_later_tokens(string activation) =>
        ShouldPass(CausalityCheck.Run(Spec.Create, CheckModels.Tiny(activation)));

    [Fact]
    public void The_activation_argument_reaches_every_marked_position() =>
        ShouldPass(ActivationWiringCheck.Run(Spec.Create, CheckModels.Tiny("relu"), Spec.ActivationSites));

    [Theory]
    [InlineData("relu")]
    [InlineData("swiglu")]
    public void One_seed_builds_one_model_and_another_seed_another(string activation) =>
        ShouldPass(SeedCheck.Run(Spec.Create, CheckModels.Tiny(activation)));

    [Fact]
    public void Parameter_count_matches_the_documented_formula()
    {
        var configs =
            from activation in ActivationRegistry.StudyGrid.Append("geglu")
            from layers in new[] { 1, 3 }
            from rule in Enum.GetValues<GatedWidthRule>()
            select CheckModels.Tiny(activation) with { NLayer = layers, GatedWidth = rule };
        foreach (var config in configs)
            ShouldPass(ParameterCountCheck.Run(Spec.Create, Spec.ExpectedParameters, config));
    }

    private void ShouldPass(CheckResult result) => result.Problem.ShouldBeNull($"{Model}: {result.Check}");
}
