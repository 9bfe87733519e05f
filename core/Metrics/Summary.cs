namespace ReproSpecs.Harness.Metrics;

/// <summary>Mean, sample standard deviation and range of a few numbers (one per trial or pair).</summary>
/// <param name="Count">How many values.</param>
/// <param name="Mean">Arithmetic mean.</param>
/// <param name="Std">Sample standard deviation (n − 1 in the denominator); 0 for a single value.</param>
/// <param name="Min">Smallest value.</param>
/// <param name="Max">Largest value.</param>
public sealed record Summary(int Count, double Mean, double Std, double Min, double Max)
{
    /// <summary>Summarises <paramref name="values"/> (at least one).</summary>
    public static Summary Of(IReadOnlyCollection<double> values)
    {
        if (values.Count == 0) throw new ArgumentException("cannot summarise an empty set of values");
        double mean = values.Average();
        double std = values.Count > 1 ? Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1)) : 0;
        return new Summary(values.Count, mean, std, values.Min(), values.Max());
    }
}
