using System.Globalization;
using ReproSpecs.Harness.Metrics;

namespace ReproSpecs.Reports.Markdown;

/// <summary>
/// Every number the report prints, formatted with the invariant culture (a report must read the same on
/// every machine) and a fixed precision per kind of quantity, so tables line up and golden files are stable.
/// </summary>
public static class Fmt
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>A disagreement (PD, churn): 4 decimals; tiny non-zero values in scientific notation so they never print as 0.</summary>
    public static string Pd(double v) =>
        double.IsNaN(v) ? "n/a" : v == 0 ? "0" : Math.Abs(v) < 1e-3 ? v.ToString("0.00e+00", Inv) : v.ToString("0.0000", Inv);

    /// <summary>Mean [min–max] of a disagreement.</summary>
    public static string PdRange(Summary s) => s.Count > 1 ? $"{Pd(s.Mean)} [{Pd(s.Min)}–{Pd(s.Max)}]" : Pd(s.Mean);

    /// <summary>A loss in nats: 3 decimals.</summary>
    public static string Loss(double v) => double.IsFinite(v) ? v.ToString("0.000", Inv) : v.ToString(Inv);

    /// <summary>Mean ± sample std of a loss.</summary>
    public static string LossMeanStd(Summary s) => $"{Loss(s.Mean)} ± {Loss(s.Std)}";

    /// <summary>A fraction as a percentage with one decimal.</summary>
    public static string Percent(double fraction) => double.IsNaN(fraction) ? "n/a" : (fraction * 100).ToString("0.0", Inv) + " %";

    /// <summary>A confidence level as a percentage without needless decimals (95 %, 99.5 %).</summary>
    public static string Level(double level) => double.IsNaN(level) ? "n/a" : (level * 100).ToString("0.##", Inv) + " %";

    /// <summary>A number already in percent, signed, one decimal.</summary>
    public static string SignedPercent(double percent) => double.IsNaN(percent) ? "n/a"
        : double.IsInfinity(percent) ? (percent > 0 ? "+∞" : "−∞") + " %"
        : percent.ToString("+0.0;−0.0;0.0", Inv) + " %";

    /// <summary>A p-value: 3 decimals, "&lt; 0.001" below that.</summary>
    public static string P(double p) => double.IsNaN(p) ? "n/a" : p < 0.001 ? "< 0.001" : p.ToString("0.000", Inv);

    /// <summary>A count with thousands separators (17,952).</summary>
    public static string Int(long v) => v.ToString("#,0", Inv);

    /// <summary>Seconds with one decimal.</summary>
    public static string Seconds(double s) => s.ToString("0.0", Inv) + " s";

    /// <summary>Any other number, shortest round-trip form.</summary>
    public static string Num(double v) => v.ToString("R", Inv);

    /// <summary>A point in time, in UTC to the second.</summary>
    public static string Date(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", Inv) + " UTC";

    /// <summary>A span of dates: "first – last" (or one date).</summary>
    public static string DateRange(IEnumerable<DateTimeOffset> times)
    {
        var list = times.ToList();
        if (list.Count == 0) return "unknown";
        var (first, last) = (list.Min(), list.Max());
        return first == last ? Date(first) : $"{Date(first)} – {Date(last)}";
    }
}
