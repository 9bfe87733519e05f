namespace ReproSpecs.Harness.Results;

/// <summary>A results file is unreadable, truncated, altered, stale or unwritable; the message names the file and the fix.</summary>
public sealed class ResultFileException : ReproSpecsException
{
    /// <summary>Creates the exception with a message that names the file and the fix.</summary>
    public ResultFileException(string message, Exception? inner = null) : base(message, inner) { }
}
