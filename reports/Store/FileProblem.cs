namespace ReproSpecs.Reports.Store;

/// <summary>A results file that could not be used, with the reason (paths shown relative to the results folder).</summary>
public sealed record FileProblem(FileProblemKind Kind, string Message);
