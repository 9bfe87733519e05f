using ReproSpecs.Harness;
using ReproSpecs.Harness.Activations;
using ReproSpecs.Harness.Design;
using ReproSpecs.Harness.Extensions;
using ReproSpecs.Harness.Models;
using Shouldly;
using Xunit;

namespace ReproSpecs.Tests.Extensions;

/// <summary>The options builder: names are checked when added, nothing is registered before Apply, then everything is.</summary>
public class ReproSpecsOptionsTests
{
    [Theory]
    [InlineData("relu")]
    [InlineData("swiglu")]
    public void An_activation_may_not_take_a_study_name(string name)
    {
        var error = Should.Throw<ConfigurationException>(() => new ReproSpecsOptions().UseActivation(name, "Mine", "x", x => x));
        error.Message.ShouldContain("one of the study's");
        error.Message.ShouldContain("Fix:");
        ActivationRegistry.Get(name).Info.ShouldBe(StudyDesign.Study.Activation(name)!, "the study's entry is untouched");
    }

    [Fact]
    public void A_model_may_not_take_a_study_name()
    {
        Should.Throw<ConfigurationException>(() => new ReproSpecsOptions().UseModel("charlm", "Mine", ArchitectureFamily.Transformer, _ => null!, _ => 0))
            .Message.ShouldContain("'charlm'");
    }

    [Theory]
    [InlineData("MyModel")]
    [InlineData("my-model")]
    [InlineData("1model")]
    [InlineData("")]
    public void A_name_is_a_lower_case_identifier(string name)
    {
        Should.Throw<ConfigurationException>(() => new ReproSpecsOptions().UseActivation(name, "Mine", "x", x => x))
            .Message.ShouldContain("lower-case identifier");
    }

    [Fact]
    public void Nothing_is_registered_before_Apply_and_everything_after_with_its_own_name_and_formula()
    {
        const string activation = "options_test_act", model = "options_test_model";
        var options = new ReproSpecsOptions()
            .UseActivation(activation, "Options Test", "x·3", x => x * 3, isSmooth: false)
            .UseModel(model, "Options Test Model", ArchitectureFamily.Convolutional, c => new Models.Fakes.ConstantLM(c), c => c.VocabSize);
        ActivationRegistry.Contains(activation).ShouldBeFalse();
        KnownNames.Architecture(model).ShouldBeNull();

        options.Apply();

        ActivationRegistry.Get(activation).Formula.ShouldBe("x·3");
        ModelRegistry.Get(model).DisplayName.ShouldBe("Options Test Model");
        KnownNames.Activation(activation).ShouldBe(new ActivationInfo(activation, "Options Test", "x·3", IsSmooth: false));
        KnownNames.Architecture(model).ShouldBe(new ArchitectureInfo(model, "Options Test Model", ArchitectureFamily.Convolutional));
        ReproSpecsPlugins.Activations.Select(a => a.Name).ShouldContain(activation);
        ReproSpecsPlugins.Models.Select(m => m.Name).ShouldContain(model);
    }
}
