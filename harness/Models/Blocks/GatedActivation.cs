using ReproSpecs.Harness.Activations;
using TorchSharp;
using static TorchSharp.torch;

namespace ReproSpecs.Harness.Models.Blocks;

/// <summary>
/// The gate of a GLU-family activation: the input's last dimension holds [a | b] (width 2H) and the
/// output is <c>g(a) ⊙ b</c> (width H), with g the registry entry's function (Swish for SwiGLU).
/// The projection that produces [a | b] belongs to the caller (a Linear in a feed-forward, a
/// convolution in ConvLM), so W and V are one fused matrix there.
/// </summary>
public sealed class GatedActivation : nn.Module<Tensor, Tensor>
{
    private readonly Activation act;

    /// <summary>Creates the gate around <paramref name="spec"/>'s function.</summary>
    public GatedActivation(ActivationSpec spec) : base(nameof(GatedActivation))
    {
        act = new Activation(spec);
        RegisterComponents();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        long width = input.shape[^1];
        if (width % 2 != 0)
            throw new ArgumentException($"a gated activation needs an even last dimension [a | b], got {width}.", nameof(input));
        using var scope = torch.NewDisposeScope();
        var parts = input.chunk(2, dim: -1);
        // Not in place: ReLU's backward reads its own output (ReGLU), so that output must stay intact.
        return act.forward(parts[0]).mul(parts[1]).MoveToOuterDisposeScope();
    }
}
