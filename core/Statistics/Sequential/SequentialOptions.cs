namespace ReproSpecs.Harness.Statistics;

/// <summary>
/// A sequential design's pre-registered settings (docs/statistics.md, "Sequential design"): the looks, the
/// family-wise level α, and the smallest effect of interest that separates "no meaningful effect" from "too few
/// trials to say".
/// </summary>
/// <param name="Schedule">The looks.</param>
/// <param name="Alpha">Family-wise level of supported/contradicted verdicts, over every look and hypothesis.</param>
/// <param name="EquivalenceMarginPercent">
/// Smallest effect of interest on Relative PD (H1, H2, H3[contrast]: log-ratio comparisons), in % of the reference:
/// the margin is ln(1 ± m) on the log ratio. Default ±5 %.
/// </param>
/// <param name="EquivalenceAlpha">The error rate of each "no meaningful effect" verdict (each one-sided test of the TOST, spent over the looks).</param>
/// <param name="MetricMarginPercent">
/// Smallest effect of interest on loss and accuracy (H4: difference comparisons), in % of the reference: ±m·B.
/// Default ±1 %: a 5 % change of validation loss is the gap between two model sizes, not a "little" cost.
/// </param>
public sealed record SequentialOptions(LookSchedule Schedule, double Alpha = 0.05, double EquivalenceMarginPercent = 5, double EquivalenceAlpha = 0.05,
    double MetricMarginPercent = 1)
{
    /// <summary>The default smallest effect of interest on loss and accuracy: ±1 % of the reference.</summary>
    public const double DefaultMetricMarginPercent = 1;

    /// <summary>The margin, in %, for a comparison on <paramref name="scale"/>.</summary>
    public double MarginFor(EffectScale scale) => scale == EffectScale.LogRatio ? EquivalenceMarginPercent : MetricMarginPercent;

    /// <summary>The default smallest effect of interest: ±5 % of the reference (the default of <see cref="EquivalenceMarginPercent"/>).</summary>
    public const double DefaultMarginPercent = 5;

    /// <summary>The spending function, in words (for records and reports).</summary>
    public const string Spending = "Lan–DeMets O'Brien–Fleming-type α-spending, two-sided, information ∝ trials; Holm's α recycled across hypotheses (Maurer & Bretz 2013)";
}
