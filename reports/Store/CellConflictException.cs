using ReproSpecs.Harness;

namespace ReproSpecs.Reports.Store;

/// <summary>
/// The same cell (of the same seed arm) or hypothesis family was found in two different results files: results of
/// different configs (or of two runs) are never averaged or silently picked between.
/// </summary>
public sealed class CellConflictException(string message) : ReproSpecsException(message);
