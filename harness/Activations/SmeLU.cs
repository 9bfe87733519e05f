using TorchSharp;
using static TorchSharp.torch;

namespace ReproSpecs.Harness.Activations;

/// <summary>
/// Smooth ReLU (Shamir et al., 2020):
/// <code>
///   SmeLU(x; β) = 0               for x ≤ −β
///               = (x + β)² / (4β) for |x| &lt; β
///               = x               for x ≥ β
/// </code>
/// It is C¹: value and slope match at ±β (slope 0 at −β, 1 at +β).
/// </summary>
public static class SmeLU
{
    /// <summary>
    /// Branch-free form: <c>clamp(x+β, 0, 2β)² / (4β) + relu(x−β)</c>.
    /// For x ≥ β the first term is β and the second x−β; for |x| &lt; β only the quadratic is left;
    /// for x ≤ −β both are 0. Avoiding three-way <c>where</c> keeps it one fused pass.
    /// The gradient is exact at the knots too: at +β the clamp (inclusive bounds) passes slope 1 and
    /// relu passes none (its slope at 0 is 0), so the sum is 1, not 2; at −β the quadratic's slope is 0.
    /// </summary>
    public static Tensor Apply(Tensor x, double beta)
    {
        if (!(beta > 0)) throw new ConfigurationException($"SmeLU beta must be > 0, got {beta}. Fix: choose a positive beta.");
        using var scope = torch.NewDisposeScope();
        var z = (x + beta).clamp(0.0, 2.0 * beta);
        var y = z.square().div_(4.0 * beta).add_(torch.nn.functional.relu(x - beta));
        return y.MoveToOuterDisposeScope();
    }

    /// <summary>The same formula in double precision on one value (reference for tests and docs).</summary>
    public static double Reference(double x, double beta) =>
        x <= -beta ? 0 : x >= beta ? x : (x + beta) * (x + beta) / (4 * beta);

    /// <summary>
    /// The derivative in double precision: 0 (x ≤ −β), (x+β)/(2β) (|x| &lt; β), 1 (x ≥ β). At the knots
    /// both neighbouring pieces agree (0 at −β, 1 at +β), which is what makes SmeLU C¹.
    /// </summary>
    public static double ReferenceDerivative(double x, double beta) =>
        x <= -beta ? 0 : x >= beta ? 1 : (x + beta) / (2 * beta);
}
