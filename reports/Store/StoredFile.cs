namespace ReproSpecs.Reports.Store;

/// <summary>A results file the report read.</summary>
/// <param name="FullPath">Absolute path.</param>
/// <param name="Root">The results folder it was found in.</param>
/// <param name="RelativePath">Path inside that folder, with forward slashes (what the report prints).</param>
/// <param name="Sha256">SHA-256 of the file's bytes (tells byte-identical copies from different files).</param>
public sealed record StoredFile(string FullPath, string Root, string RelativePath, string Sha256);

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

/// <summary>A results file that could not be used, with the reason (paths shown relative to the results folder).</summary>
public sealed record FileProblem(FileProblemKind Kind, string Message);

/// <summary>A results file and what it held: <see cref="Value"/> when it verified, else <see cref="Problem"/>.</summary>
/// <typeparam name="T">The record type.</typeparam>
/// <param name="File">The file.</param>
/// <param name="Identity">What the file is about (from its content, or from its path when unreadable), used to find duplicates.</param>
/// <param name="Value">The verified record, or null.</param>
/// <param name="Problem">Why it is unusable, or null.</param>
public sealed record Loaded<T>(StoredFile File, string Identity, T? Value, FileProblem? Problem) where T : class;
