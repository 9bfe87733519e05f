using ReproSpecs.Harness.Design;
using ReproSpecs.Harness.Models;
using ReproSpecs.Harness.Models.Checks;
using ReproSpecs.Tests.Models.Fakes;
using Shouldly;
using Xunit;

namespace ReproSpecs.Tests.Models;

/// <summary>
/// The structural checks can fail: each test-only model carries one classic bug, and the check meant
/// for it reports it (while a correct model of the same shape passes, so the check is not just strict).
/// </summary>
[Collection(TorchGlobalState.Name)]
public class StructuralChecksCatchFaultsTests
{
    private static readonly ModelConfig Tiny = CheckModels.Tiny("relu");

    [Fact]
    public void Causality_check_catches_a_convolution_padded_on_both_sides()
    {
        var result = CausalityCheck.Run(c => new NonCausalConvLM(c), Tiny);
        result.Problem.ShouldNotBeNull().ShouldContain("sees the future");
    }

    [Fact]
    public void Causality_check_catches_a_model_that_looks_ahead_only_in_training_mode()
    {
        var result = CausalityCheck.Run(c => new TrainingLeakLM(c), Tiny);
        result.Problem.ShouldNotBeNull().ShouldContain("in training mode");
        result.Problem.ShouldContain("sees the future");
    }

    [Fact]
    public void Causality_check_passes_the_causal_convolution_model() =>
        CausalityCheck.Run(c => new ConvLM(c), Tiny).Problem.ShouldBeNull();

    [Fact]
    public void Causality_check_catches_a_model_that_ignores_its_input()
    {
        // A model that reads nothing would pass "no change before t" vacuously; the check refuses it.
        var blind = CausalityCheck.Run(c => new ConstantLM(c), Tiny);
        blind.Problem.ShouldNotBeNull().ShouldContain("ignores its input");
    }

    [Fact]
    public void Wiring_check_catches_a_model_that_hard_codes_its_activation()
    {
        var result = ActivationWiringCheck.Run(c => new ActivationIgnoringLM(c), Tiny, activationSites: null);
        result.Problem.ShouldNotBeNull().ShouldContain("does not reach the model");
    }

    [Fact]
    public void Wiring_check_catches_layers_that_use_another_activation()
    {
        var result = ActivationWiringCheck.Run(c => new PartlyWiredLM(c), Tiny, PartlyWiredLM.ClaimedSites);
        result.Problem.ShouldNotBeNull().ShouldContain("called the configured elementwise activation 1 times, but the architecture documents 2");
    }

    [Fact]
    public void Wiring_check_catches_a_site_applied_twice_and_a_site_that_hard_codes_gelu()
    {
        var result = ActivationWiringCheck.Run(c => new TwiceThenGeluLM(c), Tiny, TwiceThenGeluLM.ClaimedSites);
        result.Problem.ShouldNotBeNull().ShouldContain("was applied 2 times in one forward");
        result.Problem.ShouldContain("does not apply");
        result.Problem.ShouldContain("it carries 'gelu'");
    }

    [Fact]
    public void Wiring_check_passes_a_model_wired_at_every_layer() =>
        ActivationWiringCheck.Run(c => new CharLM(c), Tiny, CharLM.ActivationSites).Problem.ShouldBeNull();

    public static TheoryData<string> Architectures => new(StudyDesign.Study.ArchitectureNames);

    [Theory]
    [MemberData(nameof(Architectures))]
    public void Every_real_architecture_passes_the_stricter_wiring_and_causality_checks(string architecture)
    {
        var spec = ModelRegistry.Get(architecture);
        ActivationWiringCheck.Run(spec.Create, Tiny, spec.ActivationSites).Problem.ShouldBeNull();
        CausalityCheck.Run(spec.Create, Tiny).Problem.ShouldBeNull();
        CausalityCheck.Run(spec.Create, CheckModels.Tiny("swiglu")).Problem.ShouldBeNull();
    }

    [Fact]
    public void Seed_check_catches_weights_the_seed_does_not_reach()
    {
        var result = SeedCheck.Run(c => new SeedIgnoringLM(c, freshEveryBuild: false), Tiny);
        result.Problem.ShouldNotBeNull().ShouldContain("the seed does not reach");
    }

    [Fact]
    public void Seed_check_catches_randomness_the_seed_does_not_control()
    {
        var result = SeedCheck.Run(c => new SeedIgnoringLM(c, freshEveryBuild: true), Tiny);
        result.Problem.ShouldNotBeNull().ShouldContain("randomness the seed does not control");
    }

    [Fact]
    public void Parameter_count_check_catches_a_formula_that_is_off()
    {
        var result = ParameterCountCheck.Run(c => new CharLM(c), c => CharLM.ExpectedParameters(c) - c.NEmbd, Tiny);
        result.Problem.ShouldNotBeNull().ShouldContain($"off by {Tiny.NEmbd}");
    }
}
