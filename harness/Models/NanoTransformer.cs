using ReproSpecs.Harness.Models.Blocks;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ReproSpecs.Harness.Models;

/// <summary>
/// NanoTransformer — a streamlined transformer: token + learned position embeddings, pre-LN blocks with
/// a fused QKV projection and no biases anywhere (projections and LayerNorms carry weights only), the
/// feed-forward C → 4C → act → C, final bias-free LayerNorm and untied bias-free head.
/// <b>No dropout</b>, whatever the profile says: that is this architecture's design, so it is the one
/// model whose training noise comes only from initialisation and data order.
/// 12C² + 2C parameters per block.
/// </summary>
public sealed class NanoTransformer : LanguageModel
{
    private readonly TokenPositionEmbedding embed;
    private readonly TransformerStack blocks;
    private readonly Linear lm_head;

    /// <summary>Builds the model; weights follow <see cref="Initialization"/>.</summary>
    public NanoTransformer(ModelConfig config) : base(nameof(NanoTransformer), config)
    {
        embed = new TokenPositionEmbedding(config.VocabSize, config.BlockSize, config.NEmbd);
        blocks = new TransformerStack(config, dropout: 0.0, bias: false);
        lm_head = nn.Linear(config.NEmbd, config.VocabSize, hasBias: false);
        RegisterComponents();
        Initialization.Apply(this);
    }

    /// <summary>The documented parameter count for <paramref name="config"/>.</summary>
    public static long ExpectedParameters(ModelConfig config) =>
        TokenPositionEmbedding.ParameterCount(config.VocabSize, config.BlockSize, config.NEmbd)
        + TransformerStack.ParameterCount(config, bias: false)
        + Layers.LinearParameters(config.NEmbd, config.VocabSize, bias: false);

    /// <summary>How often one forward pass applies the activation: once per block.</summary>
    public static int ActivationSites(ModelConfig config) => config.NLayer;

    /// <inheritdoc />
    public override Tensor forward(Tensor idx)
    {
        using var scope = torch.NewDisposeScope();
        var x = embed.forward(idx);
        x = blocks.forward(x);
        return lm_head.forward(x).MoveToOuterDisposeScope();
    }
}
