using ReproSpecs.Harness.Results;

namespace ReproSpecs.Reports.Store;

/// <summary>How the report classifies a harness <see cref="ResultFileError"/>, and labels each kind.</summary>
public static class FileProblems
{
    /// <summary>The report's kind of a harness error kind.</summary>
    public static FileProblemKind KindOf(ResultFileError error) => error switch
    {
        ResultFileError.Altered => FileProblemKind.Altered,
        ResultFileError.Missing => FileProblemKind.Missing,
        ResultFileError.Mismatched => FileProblemKind.Mismatched,
        _ => FileProblemKind.Unreadable,
    };

    /// <summary>The lower-case word the report prints for a kind (altered, unreadable, missing, mismatched).</summary>
    public static string Label(FileProblemKind kind) => kind.ToString().ToLowerInvariant();
}
