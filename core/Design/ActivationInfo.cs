namespace ReproSpecs.Harness.Design;

/// <summary>What an activation is, without its implementation: enough for the study design, the statistics and the report.</summary>
/// <param name="Name">Registry key, e.g. <c>smelu_1</c>.</param>
/// <param name="DisplayName">Name for reports, e.g. <c>SmeLU β=1.0</c>.</param>
/// <param name="Formula">The definition as reports print it.</param>
/// <param name="IsGated">Whether a feed-forward block becomes a gated (GLU) block.</param>
/// <param name="IsSmooth">Whether the function is C¹ (H1 groups activations by this).</param>
public sealed record ActivationInfo(string Name, string DisplayName, string Formula, bool IsGated = false, bool IsSmooth = true);
