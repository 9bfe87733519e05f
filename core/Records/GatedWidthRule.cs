namespace ReproSpecs.Harness.Records;

/// <summary>How a gated (GLU) feed-forward block chooses its hidden width H from the ungated width 4C.</summary>
public enum GatedWidthRule
{
    /// <summary>H = round(⅔·4C): three matrices instead of two keep the parameter count (≈) equal. The default.</summary>
    Parity,
    /// <summary>H = 4C: the same hidden width, 1.5× the feed-forward parameters.</summary>
    Same,
}
