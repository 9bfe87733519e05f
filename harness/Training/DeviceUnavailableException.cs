namespace ReproSpecs.Harness.Training;

/// <summary>A profile asks for a device this machine does not have.</summary>
public sealed class DeviceUnavailableException : ReproSpecsException
{
    /// <summary>Creates the exception with a message that names the device and the fix.</summary>
    public DeviceUnavailableException(string message) : base(message) { }
}
