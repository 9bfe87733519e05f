using ReproSpecs.Harness.Models.Blocks;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ReproSpecs.Harness.Models;

/// <summary>
/// TinyLSTM — embedding → n_layer unidirectional LSTM (dropout between layers) → LayerNorm → act →
/// dropout → untied, bias-free linear head. No position embedding: the recurrence carries position.
/// <para>
/// The LayerNorm is ours, not the study's: LSTM outputs are bounded in (−1, 1) and, fed by N(0, 0.02)
/// embeddings, start near 10⁻²; there every smooth activation is nearly linear (SmeLU is β/4 + x/2), so
/// the activation would hardly matter, and the model barely beats the unigram entropy in the smoke
/// profile. Normalising first puts the activation's input at unit scale, as in ConvLM and HybridLM.
/// </para>
/// <para>
/// Gated activations (SwiGLU, …) have no feed-forward to gate here, so the act position becomes a
/// gated projection <c>g(hW) ⊙ (hV)</c> with W, V: C → C (one fused C → 2C Linear with bias) before
/// the head. It adds 2C² + 2C parameters; the gated hidden-width rule does not apply (there is no
/// ungated width to match).
/// </para>
/// </summary>
public sealed class TinyLSTM : LanguageModel
{
    private readonly Embedding wte;
    private readonly LstmStack lstm;
    private readonly LayerNorm ln;
    private readonly nn.Module<Tensor, Tensor> gate_proj;
    private readonly nn.Module<Tensor, Tensor> act;
    private readonly nn.Module<Tensor, Tensor> drop;
    private readonly Linear lm_head;

    /// <summary>Builds the model; Linear and Embedding weights follow <see cref="Initialization"/>, the LSTM keeps PyTorch's.</summary>
    public TinyLSTM(ModelConfig config) : base(nameof(TinyLSTM), config)
    {
        int c = config.NEmbd;
        var spec = config.ActivationSpec;
        wte = nn.Embedding(config.VocabSize, c);
        lstm = new LstmStack(c, c, config.NLayer, config.Dropout);
        ln = nn.LayerNorm(c);
        gate_proj = spec.IsGated ? nn.Linear(c, ActivationLayer.InputWidth(spec, c)) : nn.Identity();
        act = ActivationLayer.Create(spec);
        drop = Layers.Dropout(config.Dropout);
        lm_head = nn.Linear(c, config.VocabSize, hasBias: false);
        RegisterComponents();
        Initialization.Apply(this);
    }

    /// <summary>The documented parameter count for <paramref name="config"/>.</summary>
    public static long ExpectedParameters(ModelConfig config)
    {
        long c = config.NEmbd, v = config.VocabSize;
        long gate = config.ActivationSpec.IsGated ? Layers.LinearParameters(c, 2 * c) : 0;
        return v * c + LstmStack.ParameterCount(c, c, config.NLayer) + Layers.LayerNormParameters(c) + gate + c * v;
    }

    /// <summary>How often one forward pass applies the activation: once, between the LSTM and the head.</summary>
    public static int ActivationSites(ModelConfig config) => 1;

    /// <inheritdoc />
    public override Tensor forward(Tensor idx)
    {
        using var scope = torch.NewDisposeScope();
        var h = lstm.forward(wte.forward(idx));
        h = drop.forward(act.forward(gate_proj.forward(ln.forward(h))));
        return lm_head.forward(h).MoveToOuterDisposeScope();
    }
}
