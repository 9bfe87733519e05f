namespace ReproSpecs.Reports.Store;

/// <summary>A file a cell's numbers rest on (<c>config.json</c>, a trial's JSON, a probabilities file), as verified by the report.</summary>
/// <param name="File">The file (its hash empty when it is missing or unreadable).</param>
/// <param name="Problem">Why it failed verification, or null when it verified.</param>
public sealed record CheckedFile(StoredFile File, FileProblem? Problem);
