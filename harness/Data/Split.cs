namespace ReproSpecs.Harness.Data;

/// <summary>Which part of the corpus.</summary>
public enum Split
{
    /// <summary>The first 90 %.</summary>
    Train,
    /// <summary>The last 10 %.</summary>
    Val,
}
