namespace ReproSpecs.Harness.Statistics;

/// <summary>What the data say about a claim.</summary>
public enum Verdict
{
    /// <summary>Significant (Holm-adjusted p ≤ α) in the claimed direction.</summary>
    Supported,
    /// <summary>Significant in the opposite direction.</summary>
    Contradicted,
    /// <summary>Not significant: the data can neither support nor contradict the claim.</summary>
    Inconclusive,
}

