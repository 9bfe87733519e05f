using ReproSpecs.Harness.Design;
using ReproSpecs.Harness;
using ReproSpecs.Harness.Activations;
using Shouldly;
using Xunit;

namespace ReproSpecs.Tests.Activations;

/// <summary>The registry: the study's grid, the extras beyond it, and what an unknown name says.</summary>
public class ActivationRegistryTests
{
    private static readonly string[] BeyondTheStudy = ["mish", "elu", "selu", "leaky_relu", "geglu", "reglu"];

    [Fact]
    public void Activations_beyond_the_study_are_selectable_but_not_in_the_grid()
    {
        StudyDesign.Study.ActivationNames.Concat(BeyondTheStudy).ShouldBeSubsetOf(ActivationRegistry.Names);
        StudyDesign.Study.ActivationNames.ShouldBe(["smelu_05", "smelu_1", "relu", "gelu", "swish", "swiglu"]);
        StudyDesign.Study.ActivationNames.ShouldNotContain(n => BeyondTheStudy.Contains(n));
    }

    [Fact]
    public void Only_the_GLU_family_is_gated_and_only_the_kinked_ones_are_not_smooth()
    {
        var all = StudyDesign.Study.ActivationNames.Concat(BeyondTheStudy).Select(ActivationRegistry.Get).ToList();
        all.Where(s => s.IsGated).Select(s => s.Name).ShouldBe(["swiglu", "geglu", "reglu"], ignoreOrder: true);
        all.Where(s => !s.IsSmooth).Select(s => s.Name).ShouldBe(["relu", "leaky_relu", "reglu"], ignoreOrder: true);
    }

    [Fact]
    public void Unknown_name_fails_with_the_list_of_known_names()
    {
        var error = Should.Throw<ConfigurationException>(() => ActivationRegistry.Get("smelu"));
        error.Message.ShouldContain("'smelu'");
        foreach (string name in StudyDesign.Study.ActivationNames.Concat(BeyondTheStudy))
            error.Message.ShouldContain(name);
    }
}
