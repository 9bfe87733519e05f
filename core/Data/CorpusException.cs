namespace ReproSpecs.Harness.Data;

/// <summary>The corpus is missing, corrupt or unusable; the message names the path and the fix.</summary>
public sealed class CorpusException : ReproSpecsException
{
    /// <summary>Creates the exception with a message that names the path and the fix.</summary>
    public CorpusException(string message, Exception? inner = null) : base(message, inner) { }
}
