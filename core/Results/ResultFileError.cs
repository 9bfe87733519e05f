namespace ReproSpecs.Harness.Results;

/// <summary>What went wrong with a results file (<see cref="ResultFileException.Kind"/>), so callers branch on a type, never on message text.</summary>
public enum ResultFileError
{
    /// <summary>It could not be read (I/O error, permissions).</summary>
    Unreadable,
    /// <summary>It is not there although another file names it.</summary>
    Missing,
    /// <summary>Truncated, not JSON, not the expected record, or not a ReproSpecs file.</summary>
    Corrupt,
    /// <summary>Written by another version of the results layout.</summary>
    WrongSchema,
    /// <summary>Its content does not match its recorded hash: changed after it was written.</summary>
    Altered,
    /// <summary>Whole and sealed, but it belongs elsewhere (another config, other seeds, other contexts, another cell).</summary>
    Mismatched,
    /// <summary>It could not be written (read-only or full file system, no permission, a file where a folder should be).</summary>
    Unwritable,
    /// <summary>A trial's lock is held by a holder that is no longer running.</summary>
    AbandonedLock,
}
