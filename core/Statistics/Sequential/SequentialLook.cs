namespace ReproSpecs.Harness.Statistics;

/// <summary>One look of one hypothesis in a sequential design: the comparison on the first K trials and the boundaries it met.</summary>
/// <param name="Look">1-based index of the look in the schedule.</param>
/// <param name="Trials">Trials per cell the comparison used (K at this look).</param>
/// <param name="EffectPercent">The effect in % (A against B).</param>
/// <param name="CiLowPercent">Lower end of the comparison's unadjusted 95 % interval, in %.</param>
/// <param name="CiHighPercent">Upper end of that interval, in %.</param>
/// <param name="PValue">The comparison's two-sided p-value at this look.</param>
/// <param name="Boundary">The nominal two-sided level this look's efficacy boundary had at the hypothesis's final Holm share (reject when p ≤ it).</param>
/// <param name="EquivalenceP">TOST p-value against the smallest effect of interest (null when the test has no equivalence form, e.g. H3).</param>
/// <param name="EquivalenceBoundary">The nominal one-sided level of this look's equivalence boundary (declare no meaningful effect when the TOST p ≤ it).</param>
/// <param name="Outcome">What the look decided for this hypothesis: <c>continue</c>, <c>supported</c>, <c>contradicted</c>, <c>no meaningful effect</c>, <c>cap reached</c>, <c>not decidable</c>.</param>
public sealed record SequentialLook(int Look, int Trials, double EffectPercent, double CiLowPercent, double CiHighPercent, double PValue,
    double Boundary, double? EquivalenceP, double? EquivalenceBoundary, string Outcome);
