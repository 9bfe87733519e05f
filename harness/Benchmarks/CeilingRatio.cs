using System.Globalization;

namespace ReproSpecs.Harness.Benchmarks;

/// <summary>
/// A model's GFLOP/s as a fraction of a matmul ceiling. A model cannot run faster than the matrix products it is
/// made of, so a ratio above 100 % says the ceiling was mismeasured (the machine was busier while it was measured
/// than while the model ran), never that the model beat it: such a ratio is printed as a measurement error.
/// </summary>
/// <param name="ModelGflops">The model's achieved GFLOP/s.</param>
/// <param name="CeilingGflops">The ceiling it is compared with (the best repetition).</param>
public sealed record CeilingRatio(double ModelGflops, double CeilingGflops)
{
    /// <summary>Model over ceiling (NaN when the ceiling is not a positive number).</summary>
    public double Ratio => CeilingGflops > 0 && double.IsFinite(CeilingGflops) ? ModelGflops / CeilingGflops : double.NaN;

    /// <summary>True when the ratio is above 100 % or not a number: the figure says nothing about the model.</summary>
    public bool IsMeasurementError => !(Ratio <= 1.0);

    /// <summary>"41 %", or "measurement error (117 % > 100 %: ceiling mismeasured)".</summary>
    public override string ToString() => IsMeasurementError
        ? string.Create(CultureInfo.InvariantCulture, $"measurement error ({(double.IsNaN(Ratio) ? "no ceiling" : $"{100 * Ratio:F0} % > 100 %")}: ceiling mismeasured)")
        : string.Create(CultureInfo.InvariantCulture, $"{100 * Ratio:F0} %");
}
