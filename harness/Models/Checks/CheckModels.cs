using ReproSpecs.Harness.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace ReproSpecs.Harness.Models.Checks;

/// <summary>What the structural checks share: tiny configurations, seeded construction, inputs, comparisons.</summary>
public static class CheckModels
{
    /// <summary>
    /// A configuration small enough that a check builds dozens of models in well under a second, with two
    /// layers (so "every layer" differs from "the first layer") and dropout on (so eval mode must switch it off).
    /// </summary>
    public static ModelConfig Tiny(string activation) => new()
    {
        NEmbd = 16, NHead = 2, NLayer = 2, BlockSize = 20, Dropout = 0.2, Activation = activation,
    };

    /// <summary>Validates <paramref name="config"/>, seeds the global generator and builds the model in eval mode.</summary>
    public static LanguageModel Build(Func<ModelConfig, LanguageModel> create, ModelConfig config, long seed)
    {
        TorchRuntime.EnsureInitialized();
        config.Validate();
        torch.manual_seed(seed);
        var model = create(config);
        model.eval();
        return model;
    }

    /// <summary>Random token ids [<paramref name="batch"/>, block] from a generator of their own (never the global one).</summary>
    public static Tensor Tokens(ModelConfig config, int batch, Generator generator) =>
        torch.randint(config.VocabSize, [batch, config.BlockSize], dtype: ScalarType.Int64, generator: generator);

    /// <summary>Logits of <paramref name="model"/> on <paramref name="tokens"/>, without gradients.</summary>
    public static Tensor Forward(LanguageModel model, Tensor tokens)
    {
        using var noGrad = torch.no_grad();
        return model.forward(tokens);
    }

    /// <summary>Whether two tensors have the same shape and bit-identical values.</summary>
    public static bool Identical(Tensor a, Tensor b) => a.shape.SequenceEqual(b.shape) && a.eq(b).all().item<bool>();

    /// <summary>Largest absolute difference between two tensors of one shape.</summary>
    public static double MaxAbsDifference(Tensor a, Tensor b)
    {
        using var diff = (a - b).abs().max();
        return diff.to(ScalarType.Float64).item<double>();
    }
}
