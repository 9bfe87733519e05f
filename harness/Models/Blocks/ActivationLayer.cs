using ReproSpecs.Harness.Activations;
using TorchSharp;
using static TorchSharp.torch;

namespace ReproSpecs.Harness.Models.Blocks;

/// <summary>
/// Builds the module that stands at an "act" position of a model: the elementwise
/// <see cref="Activation"/>, or a <see cref="GatedActivation"/> for GLU-family entries. A gated
/// activation needs its input twice as wide as its output; <see cref="InputWidth"/> says how wide.
/// </summary>
public static class ActivationLayer
{
    /// <summary>The module for <paramref name="spec"/>.</summary>
    public static nn.Module<Tensor, Tensor> Create(ActivationSpec spec) =>
        spec.IsGated ? new GatedActivation(spec) : new Activation(spec);

    /// <summary>How wide the input of the act module must be for an output of <paramref name="outputWidth"/>.</summary>
    public static long InputWidth(ActivationSpec spec, long outputWidth) => spec.IsGated ? 2 * outputWidth : outputWidth;
}
