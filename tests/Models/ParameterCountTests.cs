using ReproSpecs.Harness.Design;
using ReproSpecs.Harness.Models;
using ReproSpecs.Harness.Records;
using ReproSpecs.Harness.Runtime;
using Shouldly;
using Xunit;

namespace ReproSpecs.Tests.Models;

/// <summary>
/// Parameter counts at the study's profiles: CharLM's pinned to the study's figures, every
/// architecture's built model against its documented formula (the table in docs/architectures.md).
/// </summary>
[Collection(TorchGlobalState.Name)]
public class ParameterCountTests
{
    [Theory]
    [InlineData("full", 10_795_776)]
    [InlineData("cpu", 429_824)]
    public void CharLM_has_the_studys_parameter_count(string profile, long expected)
    {
        var config = ModelConfigs.For(Profiles.Get(profile), "relu");
        CharLM.ExpectedParameters(config).ShouldBe(expected);
        using var model = ModelRegistry.Create("charlm", config);
        model.ParameterCount().ShouldBe(expected);
    }

    public static TheoryData<string, string, string> Cells()
    {
        var data = new TheoryData<string, string, string>();
        foreach (string model in StudyDesign.Study.ArchitectureNames)
        foreach (string profile in new[] { "cpu", "full" })
        foreach (string activation in new[] { "relu", "swiglu" })
            data.Add(model, profile, activation);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public void Every_architecture_matches_its_formula_at_the_study_profiles(string model, string profile, string activation)
    {
        TorchRuntime.EnsureInitialized();
        var config = ModelConfigs.For(Profiles.Get(profile), activation);
        var spec = ModelRegistry.Get(model);
        using var built = ModelRegistry.Create(model, config);
        built.ParameterCount().ShouldBe(spec.ExpectedParameters(config), $"{model} at {profile} with {activation}");
    }

    [Fact]
    public void The_same_width_rule_costs_more_than_parity_only_where_there_is_a_feed_forward()
    {
        var cpu = ModelConfigs.For(Profiles.Cpu, "swiglu");
        foreach (string model in StudyDesign.Study.ArchitectureNames)
        {
            var spec = ModelRegistry.Get(model);
            long parity = spec.ExpectedParameters(cpu with { GatedWidth = GatedWidthRule.Parity });
            long same = spec.ExpectedParameters(cpu with { GatedWidth = GatedWidthRule.Same });
            if (model is "tinylstm" or "convlm") same.ShouldBe(parity, $"{model} has no feed-forward: the width rule does not act");
            else same.ShouldBeGreaterThan(parity, $"{model}'s feed-forward must honour the width rule");
        }
    }

    [Fact]
    public void Parity_keeps_a_gated_transformer_within_half_a_percent_of_the_ungated_one()
    {
        var full = Profiles.Full;
        foreach (string model in new[] { "charlm", "minigpt", "nanotransformer", "hybridlm" })
        {
            var spec = ModelRegistry.Get(model);
            double ungated = spec.ExpectedParameters(ModelConfigs.For(full, "relu"));
            double gated = spec.ExpectedParameters(ModelConfigs.For(full, "swiglu"));
            (Math.Abs(gated - ungated) / ungated).ShouldBeLessThan(0.005, model);
        }
    }
}
