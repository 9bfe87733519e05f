using TorchSharp;
using static TorchSharp.torch;

namespace ReproSpecs.Harness.Activations;

/// <summary>An elementwise activation as a module, so it shows in a model's structure by name.</summary>
public sealed class Activation : nn.Module<Tensor, Tensor>
{
    /// <summary>Wraps <paramref name="spec"/>'s function.</summary>
    public Activation(ActivationSpec spec) : base(spec.Name) => Spec = spec;

    /// <summary>The registry entry this module applies.</summary>
    public ActivationSpec Spec { get; }

    /// <inheritdoc />
    public override Tensor forward(Tensor input) => Spec.Function(input);
}
