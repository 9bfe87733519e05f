namespace ReproSpecs.Harness.Records;

/// <summary>Which weights of each trial the hypotheses are decided on (<c>REPROSPECS_WEIGHTS</c>).</summary>
public enum ScoredWeights
{
    /// <summary>The final iterate (the default, as the study reported).</summary>
    Last,
    /// <summary>The best-validation weights, chosen on a validation part disjoint from the scored contexts.</summary>
    Best,
}
