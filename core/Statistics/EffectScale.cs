namespace ReproSpecs.Harness.Statistics;

/// <summary>On what scale a comparison's <see cref="ComparisonResult.Estimate"/> is expressed.</summary>
public enum EffectScale
{
    /// <summary>Natural log of a ratio A/B; the effect in % is 100·(e^estimate − 1).</summary>
    LogRatio,
    /// <summary>Difference A − B; the effect in % is 100·estimate / B.</summary>
    Difference,
}
