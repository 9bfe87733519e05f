using ReproSpecs.Harness.Design;
using static TorchSharp.torch;

namespace ReproSpecs.Harness.Activations;

/// <summary>One activation of the registry: what it is (<see cref="Info"/>) and its implementation.</summary>
/// <param name="Info">Name, display name, formula and flags.</param>
/// <param name="Function">
/// The elementwise function. For a gated activation it is the gate's nonlinearity g, and a
/// feed-forward block computes <c>g(xW) ⊙ (xV)</c>.
/// </param>
public sealed record ActivationSpec(ActivationInfo Info, Func<Tensor, Tensor> Function)
{
    /// <summary>An activation from its parts (for registrations outside the study design).</summary>
    public ActivationSpec(string name, string displayName, string formula, Func<Tensor, Tensor> function, bool IsGated = false, bool IsSmooth = true)
        : this(new ActivationInfo(name, displayName, formula, IsGated, IsSmooth), function) { }

    /// <summary>Registry key, e.g. <c>smelu_1</c>.</summary>
    public string Name => Info.Name;
    /// <summary>Name for reports.</summary>
    public string DisplayName => Info.DisplayName;
    /// <summary>The definition as reports print it.</summary>
    public string Formula => Info.Formula;
    /// <summary>Whether a feed-forward block becomes a gated (GLU) block.</summary>
    public bool IsGated => Info.IsGated;
    /// <summary>Whether the function is C¹.</summary>
    public bool IsSmooth => Info.IsSmooth;
}
