using System.Runtime.InteropServices;

namespace ReproSpecs.Harness.Benchmarks;

/// <summary>Resident memory of this process (libtorch allocations included, unlike the GC's figures).</summary>
public static class ProcessMemory
{
    /// <summary>
    /// Resident memory of live data: collects garbage (undisposed tensors are freed by their
    /// finalizers), then asks glibc to hand free heap pages back to the system, so RSS measures what is
    /// held rather than what the allocator keeps cached. A leak of tensors still shows; allocator slack does not.
    /// </summary>
    public static double LiveResidentMiB()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        if (OperatingSystem.IsLinux())
        {
            try { MallocTrim(UIntPtr.Zero); }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException) { } // not glibc
        }
        return ResidentMiB();
    }

    [DllImport("libc", EntryPoint = "malloc_trim")]
    private static extern int MallocTrim(UIntPtr pad);

    /// <summary>Current resident set size in MiB (VmRSS on Linux).</summary>
    public static double ResidentMiB() => Read("VmRSS:") ?? Environment.WorkingSet / 1048576.0;

    /// <summary>
    /// Resets the peak (VmHWM) to the current resident size (Linux 4.0+: <c>5</c> written to <c>/proc/self/clear_refs</c>),
    /// so that <see cref="PeakResidentMiB"/> then reports the peak of what runs next: one phase, one architecture.
    /// Returns false where the peak cannot be reset (then the peak is the process's since it started).
    /// </summary>
    public static bool ResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return false;
        }
    }

    /// <summary>Peak resident set size in MiB since the process started or the last <see cref="ResetPeak"/> (VmHWM on Linux): what the OOM killer sees.</summary>
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
