using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ReproSpecs.Harness.Models.Blocks;

/// <summary>n_layer pre-LN <see cref="TransformerBlock"/>s and the final LayerNorm, shared by the three transformers.</summary>
public sealed class TransformerStack : nn.Module<Tensor, Tensor>
{
    private readonly ModuleList<TransformerBlock> h;
    private readonly LayerNorm ln_f;

    /// <summary>Creates the stack: each block's feed-forward is 4C wide (gated activations follow the config's width rule).</summary>
    public TransformerStack(ModelConfig config, double dropout, bool bias = true) : base(nameof(TransformerStack))
    {
        int c = config.NEmbd;
        h = nn.ModuleList(Enumerable.Range(0, config.NLayer)
            .Select(_ => new TransformerBlock(c, config.NHead, config.FeedForwardWidth(4 * c), config.ActivationSpec, dropout, bias))
            .ToArray());
        ln_f = nn.LayerNorm(c, bias: bias);
        RegisterComponents();
    }

    /// <summary>Parameters: n_layer blocks and the final LayerNorm.</summary>
    public static long ParameterCount(ModelConfig config, bool bias = true) =>
        config.NLayer * TransformerBlock.ParameterCount(config.NEmbd, config.FeedForwardWidth(4 * config.NEmbd), config.ActivationSpec.IsGated, bias)
        + Layers.LayerNormParameters(config.NEmbd, bias);

    /// <inheritdoc />
    public override Tensor forward(Tensor x)
    {
        using var scope = torch.NewDisposeScope();
        foreach (var block in h) x = block.forward(x);
        return ln_f.forward(x).MoveToOuterDisposeScope();
    }
}
