using ReproSpecs.Harness.Models.Blocks;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ReproSpecs.Harness.Models;

/// <summary>
/// CharLM — a GPT-style character transformer: token + learned position embeddings, pre-LN blocks
/// (causal multi-head attention, then the feed-forward C → 4C → act → C), a final LayerNorm and an
/// untied, bias-free linear head. 12C² + 13C parameters per block (10,795,776 at the full profile).
/// </summary>
public sealed class CharLM : LanguageModel
{
    private readonly TokenPositionEmbedding embed;
    private readonly TransformerStack blocks;
    private readonly Linear lm_head;

    /// <summary>Builds the model; weights follow <see cref="Initialization"/>.</summary>
    public CharLM(ModelConfig config) : base(nameof(CharLM), config)
    {
        embed = new TokenPositionEmbedding(config.VocabSize, config.BlockSize, config.NEmbd);
        blocks = new TransformerStack(config, config.Dropout);
        lm_head = nn.Linear(config.NEmbd, config.VocabSize, hasBias: false);
        RegisterComponents();
        Initialization.Apply(this);
    }

    /// <summary>The documented parameter count for <paramref name="config"/>.</summary>
    public static long ExpectedParameters(ModelConfig config) =>
        TokenPositionEmbedding.ParameterCount(config.VocabSize, config.BlockSize, config.NEmbd)
        + TransformerStack.ParameterCount(config)
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
