using System.Globalization;

namespace ReproSpecs.Harness.Benchmarks;

/// <summary>One matrix product [M, K] × [K, N] that a training step performs <paramref name="Count"/> times.</summary>
/// <param name="M">Rows of the left operand.</param>
/// <param name="K">The contracted dimension.</param>
/// <param name="N">Columns of the right operand.</param>
/// <param name="Count">How many times a step performs it.</param>
public sealed record GemmShape(long M, long K, long N, int Count = 1)
{
    /// <summary>Multiply-adds counted as two flops.</summary>
    public double Flops => 2.0 * M * K * N;

    /// <summary>"4096×128×384 ×2".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{M}×{K}×{N}{(Count > 1 ? $" ×{Count}" : "")}");
}
