namespace ReproSpecs.Harness.Statistics;

/// <summary>
/// The outcome of one statistical comparison of A against B. <see cref="EffectPercent"/> is the relative
/// difference (A − B)/B in % (negative: A is lower); the interval and p-value are two-sided and
/// unadjusted (Holm adjusts the p-values of a family, see <see cref="HolmBonferroni"/>).
/// </summary>
/// <param name="Label">What was compared, e.g. <c>charlm: smelu_1 vs relu, Relative PD</c>.</param>
/// <param name="Method">The test, in a few words.</param>
/// <param name="Scale">Scale of <paramref name="Estimate"/>.</param>
/// <param name="ValueA">A's summary (mean pairwise PD, mean loss, …; see the method).</param>
/// <param name="ValueB">B's summary.</param>
/// <param name="Estimate">The effect on its test scale (log ratio or difference).</param>
/// <param name="StandardError">Standard error of <paramref name="Estimate"/> (∞ when it cannot be estimated).</param>
/// <param name="DegreesOfFreedom">Degrees of freedom of the t reference (0 when there is none).</param>
/// <param name="PValue">Two-sided p-value (1 when no test is possible).</param>
/// <param name="EffectPercent">(A − B)/B in %.</param>
/// <param name="CiLowPercent">Lower end of the confidence interval of the effect in %.</param>
/// <param name="CiHighPercent">Upper end of the confidence interval of the effect in %.</param>
/// <param name="ConfidenceLevel">Level of the interval, e.g. 0.95.</param>
/// <param name="Units">Sample size the test used (common seeds, or architectures).</param>
/// <param name="UnitName">What a unit is, e.g. <c>trials per cell</c>.</param>
/// <param name="UnitsFor80Power">
/// Units a two-sided level-α test would need for 80 % power if the true effect were the observed one
/// and the per-unit spread stayed as observed; null when the effect is 0 or out of reach.
/// </param>
/// <param name="Note">Anything the reader must know (e.g. too few trials), or null.</param>
public sealed record ComparisonResult(
    string Label,
    string Method,
    EffectScale Scale,
    double ValueA,
    double ValueB,
    double Estimate,
    double StandardError,
    double DegreesOfFreedom,
    double PValue,
    double EffectPercent,
    double CiLowPercent,
    double CiHighPercent,
    double ConfidenceLevel,
    int Units,
    string UnitName,
    int? UnitsFor80Power,
    string? Note = null)
{
    /// <summary>−1 when A is below B, +1 when above, 0 when equal.</summary>
    public int Direction => Math.Sign(Estimate);
}
