namespace ReproSpecs.Harness.Results;

/// <summary>A results file is unreadable, truncated, altered, stale or unwritable; the message names the file and the fix.</summary>
public sealed class ResultFileException : ReproSpecsException
{
    /// <summary>Creates the exception with a message that names the file and the fix.</summary>
    public ResultFileException(string message, Exception? inner = null) : this(ResultFileError.Corrupt, message, inner) { }

    /// <summary>Creates the exception of a given <paramref name="kind"/> with a message that names the file and the fix.</summary>
    public ResultFileException(ResultFileError kind, string message, Exception? inner = null) : base(message, inner) => Kind = kind;

    /// <summary>What went wrong.</summary>
    public ResultFileError Kind { get; }
}
