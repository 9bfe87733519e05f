namespace ReproSpecs.Harness.Statistics;

/// <summary>A claim and the comparison that tests it.</summary>
/// <param name="Id">Short id, e.g. <c>charlm/H1[smelu_1]</c>.</param>
/// <param name="Claim">The claim in words.</param>
/// <param name="Direction">Which way the claim says A differs from B.</param>
/// <param name="Comparison">The comparison of A with B.</param>
public sealed record Hypothesis(string Id, string Claim, ClaimDirection Direction, ComparisonResult Comparison);

