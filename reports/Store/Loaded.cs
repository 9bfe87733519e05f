namespace ReproSpecs.Reports.Store;

/// <summary>A results file and what it held: <see cref="Value"/> when it verified, else <see cref="Problem"/>.</summary>
/// <typeparam name="T">The record type.</typeparam>
/// <param name="File">The file.</param>
/// <param name="Identity">What the file is about (from its content, or from its path when unreadable), used to find duplicates.</param>
/// <param name="Value">The verified record, or null.</param>
/// <param name="Problem">Why it is unusable, or null.</param>
public sealed record Loaded<T>(StoredFile File, string Identity, T? Value, FileProblem? Problem) where T : class;
