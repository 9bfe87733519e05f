using ReproSpecs.Harness.Models.Blocks;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ReproSpecs.Harness.Models;

/// <summary>
/// MiniGPT — GPT-style like <see cref="CharLM"/>, with dropout on the summed embeddings and learned
/// position embeddings that start at zero (so at initialisation the model is position-blind and
/// learns positions only as far as the loss asks for them). Pre-LN blocks with the feed-forward
/// C → 4C → act → C, final LayerNorm, untied bias-free head. Same parameter count as CharLM.
/// </summary>
public sealed class MiniGPT : LanguageModel
{
    private readonly TokenPositionEmbedding embed;
    private readonly TransformerStack blocks;
    private readonly Linear lm_head;

    /// <summary>Builds the model; weights follow <see cref="Initialization"/>, then positions are zeroed.</summary>
    public MiniGPT(ModelConfig config) : base(nameof(MiniGPT), config)
    {
        embed = new TokenPositionEmbedding(config.VocabSize, config.BlockSize, config.NEmbd, dropout: config.Dropout);
        blocks = new TransformerStack(config, config.Dropout);
        lm_head = nn.Linear(config.NEmbd, config.VocabSize, hasBias: false);
        RegisterComponents();
        Initialization.Apply(this);
        embed.ZeroPositions();
    }

    /// <summary>The documented parameter count for <paramref name="config"/> (CharLM's).</summary>
    public static long ExpectedParameters(ModelConfig config) => CharLM.ExpectedParameters(config);

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
