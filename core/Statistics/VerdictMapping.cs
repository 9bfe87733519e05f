using System.Globalization;

namespace ReproSpecs.Harness.Statistics;

/// <summary>Maps a comparison and its adjusted p-value to a verdict and a message. Nothing is decided by a threshold on a mean.</summary>
public static class VerdictMapping
{
    /// <summary>
    /// Supported / contradicted when <paramref name="adjustedP"/> ≤ <paramref name="alpha"/>, by the sign of the
    /// effect; otherwise inconclusive. A comparison whose standard error is zero or undefined is inconclusive
    /// whatever its p-value says (a p computed elsewhere, or read from an older file, cannot turn it into evidence).
    /// A two-sided claim (<see cref="ClaimDirection.Differs"/>) is supported when significant and never contradicted.
    /// </summary>
    public static Verdict Decide(ComparisonResult comparison, ClaimDirection direction, double adjustedP, double alpha)
    {
        if (!(adjustedP <= alpha) || comparison.Direction == 0) return Verdict.Inconclusive;
        if (!TTest.IsUsable(comparison.StandardError, comparison.DegreesOfFreedom)) return Verdict.Inconclusive;
        if (direction == ClaimDirection.Differs) return Verdict.Supported;
        int claimed = direction == ClaimDirection.Lower ? -1 : 1;
        return comparison.Direction == claimed ? Verdict.Supported : Verdict.Contradicted;
    }

    /// <summary>The one-line message of a decided hypothesis.</summary>
    public static string Message(Hypothesis h, Verdict verdict, double adjustedP, int familySize)
    {
        var c = h.Comparison;
        var inv = CultureInfo.InvariantCulture;
        string needed = c.UnitsFor80Power is int n
            ? string.Create(inv, $"80 % power for this effect needs {n} {c.UnitName}")
            : h.Direction == ClaimDirection.Differs ? "power is not estimated for this test"
            : TTest.IsUsable(c.StandardError, c.DegreesOfFreedom) ? "80 % power for this effect is out of reach (effect ≈ 0)" : "power cannot be estimated";
        string claim = Claim(h);
        string line = string.Create(inv,
            $"{h.Id} {verdict.ToString().ToLowerInvariant()}: {c.Label}: {Pct(c.EffectPercent)} ({Interval(c)}), " +
            $"p = {P(c.PValue)}, Holm p = {P(adjustedP)} (m = {familySize}), {c.Units} {c.UnitName}; {needed}. {claim}");
        return c.Note is null ? line : $"{line} Note: {c.Note}";
    }

    private static string Interval(ComparisonResult c) => double.IsNaN(c.CiLowPercent) && double.IsNaN(c.CiHighPercent) ? "no interval for this test"
        : string.Create(CultureInfo.InvariantCulture, $"{c.ConfidenceLevel * 100:0.#} % CI {Pct(c.CiLowPercent)} to {Pct(c.CiHighPercent)}");

    /// <summary>The claim sentence that ends every verdict message.</summary>
    internal static string Claim(Hypothesis h) => h.Direction switch
    {
        ClaimDirection.Lower => $"Claim: A lower than B ({h.Claim}).",
        ClaimDirection.Higher => $"Claim: A higher than B ({h.Claim}).",
        _ => $"Claim (two-sided): {h.Claim}.",
    };

    /// <summary>An effect in % as verdict messages write it.</summary>
    internal static string Pct(double x) => double.IsNaN(x) ? "n/a" : double.IsPositiveInfinity(x) ? "+∞ %" : double.IsNegativeInfinity(x) ? "−∞ %"
        : (Math.Abs(x) >= 10 ? x.ToString("+0.0;−0.0;0.0", CultureInfo.InvariantCulture) : x.ToString("+0.00;−0.00;0.00", CultureInfo.InvariantCulture)) + " %";

    /// <summary>A p-value as verdict messages write it.</summary>
    internal static string P(double p) => double.IsNaN(p) ? "n/a" : p < 0.001 ? p.ToString("0.0E+0", CultureInfo.InvariantCulture) : p.ToString("0.###", CultureInfo.InvariantCulture);
}

