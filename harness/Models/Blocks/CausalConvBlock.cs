using ReproSpecs.Harness.Activations;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ReproSpecs.Harness.Models.Blocks;

/// <summary>
/// One residual layer of ConvLM: <c>x + dropout(act(LN(conv(x))))</c> with a causal dilated convolution.
/// For a gated activation the convolution emits 2C channels [a | b], LayerNorm normalises all 2C, and
/// the gate <c>g(a) ⊙ b</c> brings the width back to C for the residual (a gated convolution in the
/// manner of Dauphin et al., 2017).
/// </summary>
public sealed class CausalConvBlock : nn.Module<Tensor, Tensor>
{
    private readonly CausalConv1d conv;
    private readonly LayerNorm ln;
    private readonly nn.Module<Tensor, Tensor> act;
    private readonly nn.Module<Tensor, Tensor> dropout;

    /// <summary>Creates the layer.</summary>
    /// <param name="nEmbd">Width C of the residual stream.</param>
    /// <param name="kernelSize">Convolution taps.</param>
    /// <param name="dilation">Convolution dilation.</param>
    /// <param name="activation">The activation (gated ones double the convolution's output).</param>
    /// <param name="dropoutP">Dropout on the residual branch.</param>
    public CausalConvBlock(int nEmbd, int kernelSize, int dilation, ActivationSpec activation, double dropoutP) : base(nameof(CausalConvBlock))
    {
        long width = ActivationLayer.InputWidth(activation, nEmbd);
        conv = new CausalConv1d(nEmbd, width, kernelSize, dilation);
        ln = nn.LayerNorm(width);
        act = ActivationLayer.Create(activation);
        dropout = Layers.Dropout(dropoutP);
        RegisterComponents();
    }

    /// <summary>Parameters of one layer: the convolution and its LayerNorm (both 2× wide when gated).</summary>
    public static long ParameterCount(long c, long kernelSize, bool gated)
    {
        long width = gated ? 2 * c : c;
        return CausalConv1d.ParameterCount(c, width, kernelSize) + Layers.LayerNormParameters(width);
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor x)
    {
        using var scope = torch.NewDisposeScope();
        var branch = dropout.forward(act.forward(ln.forward(conv.forward(x))));
        return (x + branch).MoveToOuterDisposeScope();
    }
}
