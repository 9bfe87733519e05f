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

    /// <summary>
    /// Sees every (input, output) of this site; null in normal use. The wiring check sets it to verify that
    /// the function applied at each site is the configured one (a call count alone misses a swapped site).
    /// </summary>
    internal Action<Tensor, Tensor>? Observer { get; set; }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        var output = Spec.Function(input);
        Observer?.Invoke(input, output);
        return output;
    }
}
