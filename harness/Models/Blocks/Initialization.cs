using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ReproSpecs.Harness.Models.Blocks;

/// <summary>The study's initialisation: N(0, 0.02) for Linear and Embedding weights, zero biases, LayerNorm (1, 0).</summary>
public static class Initialization
{
    /// <summary>Standard deviation of the normal initialisation.</summary>
    public const double Std = 0.02;

    /// <summary>
    /// Re-initialises every Linear, Embedding and LayerNorm under <paramref name="model"/>, drawing from the
    /// global generator in module order (so the result depends only on the seed set just before).
    /// Other modules (LSTM, Conv1d) keep PyTorch's defaults.
    /// </summary>
    public static void Apply(nn.Module model)
    {
        using var _ = torch.no_grad();
        foreach (var (_, module) in model.named_modules())
        {
            switch (module)
            {
                case Linear linear:
                    nn.init.normal_(linear.weight, 0, Std);
                    if (linear.bias is not null) nn.init.zeros_(linear.bias);
                    break;
                case Embedding embedding:
                    nn.init.normal_(embedding.weight, 0, Std);
                    break;
                case LayerNorm norm:
                    if (norm.weight is not null) nn.init.ones_(norm.weight);
                    if (norm.bias is not null) nn.init.zeros_(norm.bias);
                    break;
            }
        }
    }
}
