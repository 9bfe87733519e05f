using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace ReproSpecs.Harness.Models.Blocks;

/// <summary>
/// A causal dilated 1-D convolution over the time axis of a [B, T, C] sequence. The input is padded
/// with <c>dilation·(kernel−1)</c> zeros on the <b>left only</b>, so output t sees inputs
/// t − dilation·(kernel−1) … t and never a later one; the output keeps length T.
/// </summary>
public sealed class CausalConv1d : nn.Module<Tensor, Tensor>
{
    private readonly Conv1d conv;
    private readonly long _leftPad;

    /// <summary>Creates the convolution.</summary>
    /// <param name="inChannels">Input width.</param>
    /// <param name="outChannels">Output width.</param>
    /// <param name="kernelSize">Taps per output.</param>
    /// <param name="dilation">Spacing between taps.</param>
    public CausalConv1d(long inChannels, long outChannels, long kernelSize, long dilation) : base(nameof(CausalConv1d))
    {
        if (kernelSize < 1 || dilation < 1)
            throw new ConfigurationException($"a causal convolution needs kernel ≥ 1 and dilation ≥ 1, got kernel {kernelSize}, dilation {dilation}.");
        _leftPad = dilation * (kernelSize - 1);
        conv = nn.Conv1d(inChannels, outChannels, kernelSize, dilation: dilation); // no built-in padding: it would pad both sides
        RegisterComponents();
    }

    /// <summary>How many past positions one output reaches back: <c>dilation·(kernel−1)</c>.</summary>
    public long ReachBack => _leftPad;

    /// <summary>Parameters: weight <c>out·in·kernel</c> plus one bias per output channel.</summary>
    public static long ParameterCount(long inChannels, long outChannels, long kernelSize) =>
        outChannels * inChannels * kernelSize + outChannels;

    /// <inheritdoc />
    public override Tensor forward(Tensor x)
    {
        using var scope = torch.NewDisposeScope();
        var channelsFirst = x.transpose(1, 2);                       // [B, C, T]
        var padded = F.pad(channelsFirst, [_leftPad, 0]);            // zeros before t = 0 only
        return conv.forward(padded).transpose(1, 2).MoveToOuterDisposeScope(); // [B, T, C_out]
    }
}
