using ReproSpecs.Harness.Models.Blocks;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ReproSpecs.Harness.Models;

/// <summary>
/// HybridLM — embedding → n_layer unidirectional LSTM (dropout between layers) → one pre-LN transformer
/// block (<c>x + attn(LN(x))</c>, then <c>x + FF(LN(x))</c> with the feed-forward C → 2C → act → C) →
/// untied bias-free head. The LSTM supplies order, so there is no position embedding; the attention is
/// causal, so the model stays causal. Gated activations use the feed-forward's gated form, with the
/// hidden width from the gated hidden-width rule applied to 2C.
/// </summary>
public sealed class HybridLM : LanguageModel
{
    private readonly Embedding wte;
    private readonly LstmStack lstm;
    private readonly TransformerBlock block;
    private readonly Linear lm_head;

    /// <summary>Builds the model; Linear and Embedding weights follow <see cref="Initialization"/>, the LSTM keeps PyTorch's.</summary>
    public HybridLM(ModelConfig config) : base(nameof(HybridLM), config)
    {
        int c = config.NEmbd;
        wte = nn.Embedding(config.VocabSize, c);
        lstm = new LstmStack(c, c, config.NLayer, config.Dropout);
        block = new TransformerBlock(c, config.NHead, config.FeedForwardWidth(2 * c), config.ActivationSpec, config.Dropout);
        lm_head = nn.Linear(c, config.VocabSize, hasBias: false);
        RegisterComponents();
        Initialization.Apply(this);
    }

    /// <summary>The documented parameter count for <paramref name="config"/>.</summary>
    public static long ExpectedParameters(ModelConfig config)
    {
        long c = config.NEmbd, v = config.VocabSize;
        long attention = TransformerBlock.ParameterCount(c, config.FeedForwardWidth(2 * config.NEmbd), config.ActivationSpec.IsGated);
        return v * c + LstmStack.ParameterCount(c, c, config.NLayer) + attention + c * v;
    }

    /// <summary>How often one forward pass applies the activation: once, in the feed-forward.</summary>
    public static int ActivationSites(ModelConfig config) => 1;

    /// <inheritdoc />
    public override Tensor forward(Tensor idx)
    {
        using var scope = torch.NewDisposeScope();
        var x = lstm.forward(wte.forward(idx));
        x = block.forward(x);
        return lm_head.forward(x).MoveToOuterDisposeScope();
    }
}
