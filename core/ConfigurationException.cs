namespace ReproSpecs.Harness;

/// <summary>A configuration value is invalid; the message names the field and the fix.</summary>
public sealed class ConfigurationException : ReproSpecsException
{
    /// <summary>Creates the exception with a message that names the field and the fix.</summary>
    public ConfigurationException(string message) : base(message) { }
}
