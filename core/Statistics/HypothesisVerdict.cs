namespace ReproSpecs.Harness.Statistics;

/// <summary>A hypothesis decided within its family.</summary>
/// <param name="Hypothesis">The claim and its comparison.</param>
/// <param name="AdjustedP">Holm-adjusted p-value within the family.</param>
/// <param name="FamilySize">Number of hypotheses in the family (m).</param>
/// <param name="Alpha">Family-wise level.</param>
/// <param name="Verdict">The decision.</param>
/// <param name="Message">One line: verdict, effect, interval, p, Holm p, trials and trials needed.</param>
/// <param name="Sequential">How a sequential design reached the verdict (its looks), or null for a fixed number of trials.</param>
public sealed record HypothesisVerdict(Hypothesis Hypothesis, double AdjustedP, int FamilySize, double Alpha, Verdict Verdict, string Message,
    SequentialHistory? Sequential = null);
