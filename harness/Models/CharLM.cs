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
    private readonly Embedding wte;
    private readonly Embedding wpe;
    private readonly ModuleList<TransformerBlock> h;
    private readonly LayerNorm ln_f;
    private readonly Linear lm_head;

    /// <summary>Builds the model; weights follow <see cref="Initialization"/>.</summary>
    public CharLM(ModelConfig config) : base(nameof(CharLM), config)
    {
        int c = config.NEmbd;
        wte = nn.Embedding(config.VocabSize, c);
        wpe = nn.Embedding(config.BlockSize, c);
        h = nn.ModuleList(Enumerable.Range(0, config.NLayer)
            .Select(_ => new TransformerBlock(c, config.NHead, config.FeedForwardWidth(4 * c), config.ActivationSpec, config.Dropout))
            .ToArray());
        ln_f = nn.LayerNorm(c);
        lm_head = nn.Linear(c, config.VocabSize, hasBias: false);
        RegisterComponents();
        Initialization.Apply(this);
    }

    /// <summary>The documented parameter count for <paramref name="config"/>.</summary>
    public static long ExpectedParameters(ModelConfig config)
    {
        long c = config.NEmbd, v = config.VocabSize;
        long block = TransformerBlock.ParameterCount(c, config.FeedForwardWidth(4 * config.NEmbd), config.ActivationSpec.IsGated);
        return v * c + config.BlockSize * c + config.NLayer * block + Layers.LayerNormParameters(c) + c * v;
    }

    /// <summary>How often one forward pass applies the activation: once per block.</summary>
    public static int ActivationSites(ModelConfig config) => config.NLayer;

    /// <inheritdoc />
    public override Tensor forward(Tensor idx)
    {
        using var scope = torch.NewDisposeScope();
        var pos = torch.arange(idx.shape[1], dtype: ScalarType.Int64, device: idx.device);
        var x = wte.forward(idx) + wpe.forward(pos);
        foreach (var block in h) x = block.forward(x);
        return lm_head.forward(ln_f.forward(x)).MoveToOuterDisposeScope();
    }
}
