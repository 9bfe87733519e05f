namespace ReproSpecs.Reports.Store;

/// <summary>Why a results file could not be used.</summary>
public enum FileProblemKind
{
    /// <summary>Its recorded content hash does not match its content: edited after it was written.</summary>
    Altered,
    /// <summary>Truncated, not JSON, of another schema version, or not the expected record.</summary>
    Unreadable,
    /// <summary>Named by another results file (a cell lists the trial, a trial names its probabilities) but not there.</summary>
    Missing,
    /// <summary>Whole and sealed, but it belongs elsewhere (another config: copied in from another cell; not the trial its cell embeds).</summary>
    Mismatched,
}
