namespace ReproSpecs.Harness.Runtime;

/// <summary>TorchSharp's native libraries cannot be loaded here; the message says why and how to fix it.</summary>
public sealed class TorchUnavailableException : ReproSpecsException
{
    /// <summary>Creates the exception with a message that names the problem and the fix.</summary>
    public TorchUnavailableException(string message, Exception? inner = null) : base(message, inner) { }
}
