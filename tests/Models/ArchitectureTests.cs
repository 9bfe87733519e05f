using ReproSpecs.Harness.Design;
using ReproSpecs.Harness.Models;
using ReproSpecs.Harness.Models.Checks;
using ReproSpecs.Harness.Records;
using ReproSpecs.Harness.Runtime;
using Shouldly;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace ReproSpecs.Tests.Models;

/// <summary>What each architecture promises beyond the structural checks: shapes, trainability, its own layout.</summary>
[Collection(TorchGlobalState.Name)]
public class ArchitectureTests
{
    public static TheoryData<string, string> ModelsAndGatedOrNot()
    {
        var data = new TheoryData<string, string>();
        foreach (string model in StudyDesign.Study.ArchitectureNames)
        foreach (string activation in new[] { "smelu_05", "relu", "swiglu", "geglu", "reglu" })
            data.Add(model, activation);
        return data;
    }

    [Theory]
    [MemberData(nameof(ModelsAndGatedOrNot))]
    public void Forward_gives_logits_per_position_and_backward_reaches_every_parameter(string model, string activation)
    {
        var config = CheckModels.Tiny(activation);
        using var built = CheckModels.Build(c => ModelRegistry.Create(model, c), config, seed: 1);
        built.train();
        using var scope = torch.NewDisposeScope();
        using var generator = new Generator(5);
        var tokens = CheckModels.Tokens(config, 3, generator);
        var logits = built.forward(tokens);
        logits.shape.ShouldBe(new long[] { 3, config.BlockSize, config.VocabSize });
        // In training mode (dropout on): ReGLU's backward reads ReLU's output, so an in-place gate would throw here.
        F.cross_entropy(logits.view(-1, config.VocabSize), tokens.view(-1)).backward();
        foreach (var (name, p) in built.named_parameters())
        {
            p.grad.ShouldNotBeNull($"{model}/{activation}: '{name}' received no gradient");
            (p.grad.abs().sum().item<float>() > 0).ShouldBeTrue($"{model}/{activation}: '{name}' has an all-zero gradient");
        }
    }

    [Fact]
    public void ConvLM_repeats_the_dilation_cycle_once_per_layer_and_covers_the_cpu_block()
    {
        var cpu = ModelConfigs.For(Harness.Records.Profiles.Cpu, "relu");
        ConvLM.Dilations(cpu).ShouldBe(new[] { 1, 2, 4, 8, 16, 1, 1, 2, 4, 8, 16, 1 });
        ConvLM.ReceptiveField(cpu).ShouldBe(129);
        ConvLM.ReceptiveField(cpu).ShouldBeGreaterThanOrEqualTo(cpu.BlockSize);
        ConvLM.ReceptiveField(ModelConfigs.For(Harness.Records.Profiles.Smoke, "relu")).ShouldBeGreaterThanOrEqualTo(Harness.Records.Profiles.Smoke.BlockSize);
    }

    [Fact]
    public void MiniGPT_starts_with_zero_positions_and_CharLM_with_random_ones()
    {
        var config = CheckModels.Tiny("relu");
        using var mini = CheckModels.Build(c => new MiniGPT(c), config, seed: 3);
        using var charlm = CheckModels.Build(c => new CharLM(c), config, seed: 3);
        Parameter(mini, "embed.wpe.weight").abs().max().item<float>().ShouldBe(0f);
        Parameter(charlm, "embed.wpe.weight").abs().max().item<float>().ShouldBeGreaterThan(0f);
    }

    [Fact]
    public void NanoTransformer_has_no_biases_and_no_dropout_even_when_the_profile_asks_for_it()
    {
        var config = CheckModels.Tiny("relu") with { Dropout = 0.5 };
        using var nano = CheckModels.Build(c => new NanoTransformer(c), config, seed: 3);
        nano.named_parameters().Select(p => p.name).ShouldNotContain(n => n.EndsWith("bias"));
        TrainModeForwardsAgree(nano, config).ShouldBeTrue("NanoTransformer has no dropout: two training-mode passes agree");
        using var charlm = CheckModels.Build(c => new CharLM(c), config, seed: 3);
        TrainModeForwardsAgree(charlm, config).ShouldBeFalse("CharLM has dropout: two training-mode passes differ (so the test can fail)");
    }

    [Theory]
    [InlineData("tinylstm")]
    [InlineData("hybridlm")]
    [InlineData("minigpt")]
    [InlineData("convlm")]
    public void Dropout_reaches_the_model(string model)
    {
        var config = CheckModels.Tiny("relu") with { NLayer = 1, Dropout = 0.5 };
        using var built = CheckModels.Build(c => ModelRegistry.Create(model, c), config, seed: 3);
        TrainModeForwardsAgree(built, config).ShouldBeFalse($"{model}: dropout 0.5 must make two training-mode passes differ, even with one layer");
    }

    private static bool TrainModeForwardsAgree(LanguageModel model, ModelConfig config)
    {
        TorchRuntime.EnsureInitialized();
        using var scope = torch.NewDisposeScope();
        using var generator = new Generator(9);
        var tokens = CheckModels.Tokens(config, 2, generator);
        model.train();
        using var noGrad = torch.no_grad();
        return CheckModels.Identical(model.forward(tokens), model.forward(tokens));
    }

    private static Tensor Parameter(nn.Module model, string name) => model.named_parameters().Single(p => p.name == name).parameter;
}
