namespace ReproSpecs.Harness.Statistics;

/// <summary>How a sequential design decided one hypothesis: its looks, where it stopped and the design's settings.</summary>
/// <param name="Schedule">The pre-registered looks (trials per cell).</param>
/// <param name="Spending">The α-spending function, in words.</param>
/// <param name="EquivalenceMarginPercent">The smallest effect of interest of this hypothesis: ±this % of the reference.</param>
/// <param name="EquivalenceAlpha">The error rate of a "no meaningful effect" verdict (each one-sided test of the TOST).</param>
/// <param name="Looks">The looks this hypothesis took part in, in order.</param>
/// <param name="DecidedAtLook">1-based look at which the verdict was reached (the last look when the cap was reached undecided).</param>
/// <param name="HolmShare">The level α/m′ of the hypothesis's last test: the family's α divided by the hypotheses not yet rejected.</param>
public sealed record SequentialHistory(IReadOnlyList<int> Schedule, string Spending, double EquivalenceMarginPercent, double EquivalenceAlpha,
    IReadOnlyList<SequentialLook> Looks, int DecidedAtLook, double HolmShare)
{
    /// <summary>Trials per cell when the verdict was reached.</summary>
    public int TrialsAtDecision => Looks.Count == 0 ? 0 : Looks.First(l => l.Look == DecidedAtLook).Trials;
}
