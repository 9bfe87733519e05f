using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ReproSpecs.Harness.Models.Blocks;

/// <summary>
/// A unidirectional multi-layer LSTM over a [B, T, C] sequence, starting from zero state, returning
/// the last layer's hidden states [B, T, H]. Unidirectional is what makes it causal: a bidirectional
/// LSTM reads the future and is wrong for next-character prediction. Weights keep PyTorch's LSTM
/// initialisation (uniform ±1/√H), drawn from the global generator when the layer is built.
/// </summary>
public sealed class LstmStack : nn.Module<Tensor, Tensor>
{
    private readonly LSTM lstm;

    /// <summary>Creates the stack.</summary>
    /// <param name="inputSize">Input width.</param>
    /// <param name="hiddenSize">Hidden width H.</param>
    /// <param name="layers">Stacked layers.</param>
    /// <param name="dropout">Dropout between layers (not after the last; none with one layer).</param>
    public LstmStack(long inputSize, long hiddenSize, long layers, double dropout) : base(nameof(LstmStack))
    {
        lstm = nn.LSTM(inputSize, hiddenSize, layers, bias: true, batchFirst: true, dropout: layers > 1 ? dropout : 0.0, bidirectional: false);
        RegisterComponents();
    }

    /// <summary>Parameters: per layer <c>4H·(input + H)</c> weights and two bias vectors of 4H.</summary>
    public static long ParameterCount(long inputSize, long hiddenSize, long layers) =>
        4 * hiddenSize * (inputSize + hiddenSize) + 8 * hiddenSize
        + (layers - 1) * (4 * hiddenSize * (2 * hiddenSize) + 8 * hiddenSize);

    /// <inheritdoc />
    public override Tensor forward(Tensor x)
    {
        var (output, h, c) = lstm.forward(x);
        h.Dispose();
        c.Dispose();
        return output;
    }
}
