namespace ReproSpecs.Harness.Results;

/// <summary>Whether a process of this machine is running.</summary>
internal static class LiveProcess
{
    /// <summary>True when process <paramref name="pid"/> exists and has not exited.</summary>
    public static bool IsAlive(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException) { return false; }
        catch (InvalidOperationException) { return false; }
    }
}
