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
    private readonly Embedding wte;
    private readonly Embedding wpe;
    private readonly ModuleList<TransformerBlock> h;
    private readonly LayerNorm ln_f;
    private readonly Linear lm_head;

    /// <summary>Builds the model; weights follow <see cref="Initialization"/>.</summary>
    public NanoTransformer(ModelConfig config) : base(nameof(NanoTransformer), config)
    {
        int c = config.NEmbd;
        wte = nn.Embedding(config.VocabSize, c);
        wpe = nn.Embedding(config.BlockSize, c);
        h = nn.ModuleList(Enumerable.Range(0, config.NLayer)
            .Select(_ => new TransformerBlock(c, config.NHead, config.FeedForwardWidth(4 * c), config.ActivationSpec, dropout: 0.0, bias: false))
            .ToArray());
        ln_f = nn.LayerNorm(c, bias: false);
        lm_head = nn.Linear(c, config.VocabSize, hasBias: false);
        RegisterComponents();
        Initialization.Apply(this);
    }

    /// <summary>The documented parameter count for <paramref name="config"/>.</summary>
    public static long ExpectedParameters(ModelConfig config)
    {
        long c = config.NEmbd, v = config.VocabSize;
        long block = TransformerBlock.ParameterCount(c, config.FeedForwardWidth(4 * config.NEmbd), config.ActivationSpec.IsGated, bias: false);
        return v * c + config.BlockSize * c + config.NLayer * block + Layers.LayerNormParameters(c, bias: false) + c * v;
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
