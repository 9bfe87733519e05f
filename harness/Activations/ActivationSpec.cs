using static TorchSharp.torch;

namespace ReproSpecs.Harness.Activations;

/// <summary>
/// One activation of the registry.
/// </summary>
/// <param name="Name">Registry key, e.g. <c>smelu_1</c>.</param>
/// <param name="DisplayName">Name for reports, e.g. <c>SmeLU β=1.0</c>.</param>
/// <param name="Formula">The definition as reports print it.</param>
/// <param name="Function">
/// The elementwise function. For a gated activation it is the gate's nonlinearity g, and a
/// feed-forward block computes <c>g(xW) ⊙ (xV)</c>.
/// </param>
/// <param name="IsGated">Whether a feed-forward block becomes a gated (GLU) block.</param>
/// <param name="IsSmooth">Whether the function is C¹ (H1 groups activations by this).</param>
public sealed record ActivationSpec(
    string Name,
    string DisplayName,
    string Formula,
    Func<Tensor, Tensor> Function,
    bool IsGated = false,
    bool IsSmooth = true);
