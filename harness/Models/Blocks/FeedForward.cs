using ReproSpecs.Harness.Activations;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ReproSpecs.Harness.Models.Blocks;

/// <summary>
/// The position-wise feed-forward block, where the activation lives:
/// ungated <c>C → H → act → C</c>, or gated (GLU family) <c>C → (g(xW) ⊙ xV) → C</c> with W and V fused
/// into one projection of width 2H.
/// </summary>
public sealed class FeedForward : nn.Module<Tensor, Tensor>
{
    private readonly Linear c_fc;
    private readonly Activation act;
    private readonly Linear c_proj;
    private readonly nn.Module<Tensor, Tensor> dropout;
    private readonly bool _gated;

    /// <summary>Creates the block.</summary>
    /// <param name="nEmbd">Width C.</param>
    /// <param name="hidden">Hidden width H (already adjusted for gated activations).</param>
    /// <param name="activation">The activation; gated ones make this a GLU block.</param>
    /// <param name="dropoutP">Dropout on the output.</param>
    /// <param name="bias">Whether the projections have biases.</param>
    public FeedForward(int nEmbd, int hidden, ActivationSpec activation, double dropoutP, bool bias = true) : base(nameof(FeedForward))
    {
        _gated = activation.IsGated;
        c_fc = nn.Linear(nEmbd, _gated ? 2 * hidden : hidden, hasBias: bias);
        act = new Activation(activation);
        c_proj = nn.Linear(hidden, nEmbd, hasBias: bias);
        dropout = Layers.Dropout(dropoutP);
        RegisterComponents();
    }

    /// <summary>Parameters of one block: C·H·(2 or 3) (+ biases).</summary>
    public static long ParameterCount(long c, long hidden, bool gated, bool bias = true)
    {
        long inWidth = gated ? 2 * hidden : hidden;
        return c * inWidth + hidden * c + (bias ? inWidth + c : 0);
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor x)
    {
        using var scope = torch.NewDisposeScope();
        var h = c_fc.forward(x);
        if (_gated)
        {
            var parts = h.chunk(2, dim: -1);
            h = act.forward(parts[0]).mul_(parts[1]);
        }
        else
        {
            h = act.forward(h);
        }
        return dropout.forward(c_proj.forward(h)).MoveToOuterDisposeScope();
    }
}
