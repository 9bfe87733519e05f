namespace ReproSpecs.Harness.Statistics;

/// <summary>A claim and the comparison that tests it.</summary>
/// <param name="Id">Short id, e.g. <c>charlm/H1[smelu_1]</c>.</param>
/// <param name="Claim">The claim in words.</param>
/// <param name="Direction">Which way the claim says A differs from B.</param>
/// <param name="Comparison">The comparison of A with B.</param>
public sealed record Hypothesis(string Id, string Claim, ClaimDirection Direction, ComparisonResult Comparison);

/// <summary>A hypothesis decided within its family.</summary>
/// <param name="Hypothesis">The claim and its comparison.</param>
/// <param name="AdjustedP">Holm-adjusted p-value within the family.</param>
/// <param name="FamilySize">Number of hypotheses in the family (m).</param>
/// <param name="Alpha">Family-wise level.</param>
/// <param name="Verdict">The decision.</param>
/// <param name="Message">One line: verdict, effect, interval, p, Holm p, trials and trials needed.</param>
public sealed record HypothesisVerdict(Hypothesis Hypothesis, double AdjustedP, int FamilySize, double Alpha, Verdict Verdict, string Message);

