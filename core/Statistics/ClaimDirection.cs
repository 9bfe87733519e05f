namespace ReproSpecs.Harness.Statistics;

/// <summary>Which way a hypothesis claims A differs from B.</summary>
public enum ClaimDirection
{
    /// <summary>A is claimed lower than B (e.g. smooth activations have lower Relative PD than ReLU).</summary>
    Lower,
    /// <summary>A is claimed higher than B (e.g. smooth activations have higher loss than ReLU).</summary>
    Higher,
    /// <summary>
    /// Two-sided: the compared quantities are claimed to differ (H3: the effect differs across architectures).
    /// Significance supports it; there is no "contradicted", since not rejecting is not evidence of equality.
    /// </summary>
    Differs,
}
