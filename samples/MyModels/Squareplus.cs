using static TorchSharp.torch;

namespace MyModels;

/// <summary>Squareplus (Barron, 2021): a smooth ReLU made of algebra alone, (x + √(x² + b)) / 2.</summary>
public static class Squareplus
{
    /// <summary>The curvature near 0: b = 4 matches softplus's value at 0 (1).</summary>
    public const double B = 4.0;

    public const string Formula = "(x + √(x² + 4)) / 2";

    public static Tensor Apply(Tensor x)
    {
        using var scope = NewDisposeScope();
        return ((x + (x * x + B).sqrt()) / 2).MoveToOuterDisposeScope();
    }
}
