using ReproSpecs.Harness.Activations;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ReproSpecs.Harness.Models.Blocks;

/// <summary>
/// The position-wise feed-forward block, where the activation lives:
/// ungated <c>C → H → act → C</c>, or gated (GLU family) <c>C → (g(xW) ⊙ xV) → C</c> with W and V fused
/// into one projection of width 2H. H comes from <see cref="ModelConfig.FeedForwardWidth"/>, which
/// applies the gated hidden-width rule.
/// </summary>
public sealed class FeedForward : nn.Module<Tensor, Tensor>
{
    private readonly Linear c_fc;
    private readonly nn.Module<Tensor, Tensor> act;
    private readonly Linear c_proj;
    private readonly nn.Module<Tensor, Tensor> dropout;

    /// <summary>Creates the block.</summary>
    /// <param name="nEmbd">Width C.</param>
    /// <param name="hidden">Hidden width H (already adjusted for gated activations).</param>
    /// <param name="activation">The activation; gated ones make this a GLU block.</param>
    /// <param name="dropoutP">Dropout on the output.</param>
    /// <param name="bias">Whether the projections have biases.</param>
    public FeedForward(int nEmbd, int hidden, ActivationSpec activation, double dropoutP, bool bias = true) : base(nameof(FeedForward))
    {
        c_fc = nn.Linear(nEmbd, ActivationLayer.InputWidth(activation, hidden), hasBias: bias);
        act = ActivationLayer.Create(activation);
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
        return dropout.forward(c_proj.forward(act.forward(c_fc.forward(x)))).MoveToOuterDisposeScope();
    }
}
