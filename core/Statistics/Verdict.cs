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
    /// <summary>
    /// Decided: no effect of the size the user cares about. The equivalence test (TOST) puts the effect inside the
    /// smallest effect of interest (±5 % by default), so the claimed gain, if any, is too small to matter. Only a
    /// sequential design decides this (<see cref="SequentialFamily"/>).
    /// </summary>
    NoMeaningfulEffect,
}

