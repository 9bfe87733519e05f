using ReproSpecs.Harness.Models.Blocks;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ReproSpecs.Harness.Models;

/// <summary>
/// ConvLM — token embedding → stacked causal dilated convolutions (kernel 3) → untied bias-free linear
/// head. Each layer is <c>x + dropout(act(LN(conv(x))))</c> (<see cref="CausalConvBlock"/>); padding is
/// on the left only, so position t never sees a later token. No position embedding: a convolution is
/// position-aware by construction.
/// <para>
/// <b>n_layer</b> counts repetitions of the six-layer dilation cycle 1, 2, 4, 8, 16, 1 (as WaveNet stacks
/// its dilation cycles), so the model has 6·n_layer convolutions and sees 1 + 2·32·n_layer positions:
/// 65 at n_layer 1, 129 at 2 (the cpu profile's block of 128), 385 at 6 (full, block 256).
/// </para>
/// <para>
/// Gated activations: each convolution emits 2C channels [a | b] and the gate <c>g(a) ⊙ b</c> returns to
/// C (a gated convolution, Dauphin et al. 2017). That doubles the convolution's parameters; the gated
/// hidden-width rule does not apply, since the residual stream fixes the gate's output width at C.
/// </para>
/// </summary>
public sealed class ConvLM : LanguageModel
{
    /// <summary>Dilations of one cycle, in order.</summary>
    public static readonly IReadOnlyList<int> DilationCycle = [1, 2, 4, 8, 16, 1];

    /// <summary>Taps per convolution.</summary>
    public const int KernelSize = 3;

    private readonly Embedding wte;
    private readonly ModuleList<CausalConvBlock> h;
    private readonly Linear lm_head;

    /// <summary>Builds the model; Linear and Embedding weights follow <see cref="Initialization"/>, convolutions keep PyTorch's.</summary>
    public ConvLM(ModelConfig config) : base(nameof(ConvLM), config)
    {
        int c = config.NEmbd;
        wte = nn.Embedding(config.VocabSize, c);
        h = nn.ModuleList(Dilations(config)
            .Select(d => new CausalConvBlock(c, KernelSize, d, config.ActivationSpec, config.Dropout))
            .ToArray());
        lm_head = nn.Linear(c, config.VocabSize, hasBias: false);
        RegisterComponents();
        Initialization.Apply(this);
    }

    /// <summary>The dilation of every convolution, first to last: the cycle repeated n_layer times.</summary>
    public static IReadOnlyList<int> Dilations(ModelConfig config) =>
        Enumerable.Repeat(DilationCycle, config.NLayer).SelectMany(cycle => cycle).ToList();

    /// <summary>Positions one output sees, itself included: <c>1 + (kernel−1)·Σ dilations</c>.</summary>
    public static int ReceptiveField(ModelConfig config) => 1 + (KernelSize - 1) * Dilations(config).Sum();

    /// <summary>The documented parameter count for <paramref name="config"/>.</summary>
    public static long ExpectedParameters(ModelConfig config)
    {
        long c = config.NEmbd, v = config.VocabSize;
        long layer = CausalConvBlock.ParameterCount(c, KernelSize, config.ActivationSpec.IsGated);
        return v * c + Dilations(config).Count * layer + c * v;
    }

    /// <summary>How often one forward pass applies the activation: once per convolution.</summary>
    public static int ActivationSites(ModelConfig config) => Dilations(config).Count;

    /// <inheritdoc />
    public override Tensor forward(Tensor idx)
    {
        using var scope = torch.NewDisposeScope();
        var x = wte.forward(idx);
        foreach (var layer in h) x = layer.forward(x);
        return lm_head.forward(x).MoveToOuterDisposeScope();
    }
}
