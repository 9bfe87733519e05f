namespace ReproSpecs.Harness;

/// <summary>
/// Base of every error the harness reports to a user: the message is one line that names the problem
/// and the fix, so commands print it without a stack trace.
/// </summary>
public class ReproSpecsException : Exception
{
    /// <summary>Creates the exception with a message that names the problem and the fix.</summary>
    public ReproSpecsException(string message, Exception? inner = null) : base(message, inner) { }
}

