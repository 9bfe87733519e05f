namespace ReproSpecs.Reports.Store;

/// <summary>A results file the report read.</summary>
/// <param name="FullPath">Absolute path.</param>
/// <param name="Root">The results folder it was found in.</param>
/// <param name="RelativePath">Path inside that folder, with forward slashes (what the report prints).</param>
/// <param name="Sha256">SHA-256 of the file's bytes (tells byte-identical copies from different files).</param>
public sealed record StoredFile(string FullPath, string Root, string RelativePath, string Sha256);

