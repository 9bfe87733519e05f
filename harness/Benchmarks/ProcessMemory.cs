namespace ReproSpecs.Harness.Benchmarks;

/// <summary>Resident memory of this process (libtorch allocations included, unlike the GC's figures).</summary>
public static class ProcessMemory
{
    /// <summary>Current resident set size in MiB (VmRSS on Linux).</summary>
    public static double ResidentMiB() => Read("VmRSS:") ?? Environment.WorkingSet / 1048576.0;

    /// <summary>Peak resident set size in MiB (VmHWM on Linux).</summary>
    public static double PeakResidentMiB() => Read("VmHWM:") ?? System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0;

    private static double? Read(string field)
    {
        const string status = "/proc/self/status";
        if (!File.Exists(status)) return null;
        foreach (var line in File.ReadLines(status))
            if (line.StartsWith(field, StringComparison.Ordinal))
                return double.Parse(line[field.Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) / 1024.0;
        return null;
    }
}
