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
    private readonly Embedding wte;
    private readonly Embedding wpe;
    private readonly nn.Module<Tensor, Tensor> drop;
    private readonly ModuleList<TransformerBlock> h;
    private readonly LayerNorm ln_f;
    private readonly Linear lm_head;

    /// <summary>Builds the model; weights follow <see cref="Initialization"/>, then positions are zeroed.</summary>
    public MiniGPT(ModelConfig config) : base(nameof(MiniGPT), config)
    {
        int c = config.NEmbd;
        wte = nn.Embedding(config.VocabSize, c);
        wpe = nn.Embedding(config.BlockSize, c);
        drop = Layers.Dropout(config.Dropout);
        h = nn.ModuleList(Enumerable.Range(0, config.NLayer)
            .Select(_ => new TransformerBlock(c, config.NHead, config.FeedForwardWidth(4 * c), config.ActivationSpec, config.Dropout))
            .ToArray());
        ln_f = nn.LayerNorm(c);
        lm_head = nn.Linear(c, config.VocabSize, hasBias: false);
        RegisterComponents();
        Initialization.Apply(this);
        using (torch.no_grad()) nn.init.zeros_(wpe.weight);
    }

    /// <summary>The documented parameter count for <paramref name="config"/> (CharLM's).</summary>
    public static long ExpectedParameters(ModelConfig config) => CharLM.ExpectedParameters(config);

    /// <summary>How often one forward pass applies the activation: once per block.</summary>
    public static int ActivationSites(ModelConfig config) => config.NLayer;

    /// <inheritdoc />
    public override Tensor forward(Tensor idx)
    {
        using var scope = torch.NewDisposeScope();
        var pos = torch.arange(idx.shape[1], dtype: ScalarType.Int64, device: idx.device);
        var x = drop.forward(wte.forward(idx) + wpe.forward(pos));
        foreach (var block in h) x = block.forward(x);
        return lm_head.forward(ln_f.forward(x)).MoveToOuterDisposeScope();
    }
}
