using System.Reflection;
using System.Runtime.InteropServices;
using TorchSharp;

namespace ReproSpecs.Harness.Runtime;

/// <summary>
/// The single entry point to libtorch: prepares the native libraries (see <see cref="LibStdCxxCompat"/>),
/// initialises torch once, and turns a failure into one clear <see cref="TorchUnavailableException"/>
/// instead of TorchSharp's multi-page trace.
/// </summary>
public static class TorchRuntime
{
    private static readonly object Gate = new();
    private static bool _prepared;
    private static Exception? _prepareError;
    private static bool _initialized;

    /// <summary>What <see cref="PrepareNativeLibraries"/> did to each native library it checked.</summary>
    public static IReadOnlyList<(string Path, LibStdCxxCompat.Report Report)> PreparedLibraries { get; private set; } =
        Array.Empty<(string, LibStdCxxCompat.Report)>();

    /// <summary>
    /// On Linux, patches this application's <c>libLibTorchSharp.so</c> when the system libstdc++ lacks a
    /// version it needs and that is known to be safe to ignore. Idempotent; never throws (a failure is
    /// reported by <see cref="EnsureInitialized"/>). Call before anything touches TorchSharp.
    /// </summary>
    public static void PrepareNativeLibraries()
    {
        lock (Gate)
        {
            if (_prepared) return;
            _prepared = true;
            if (!OperatingSystem.IsLinux()) return;
            try
            {
                string? libstdcxx = SystemLibStdCxx.Locate();
                if (libstdcxx is null) return;
                var versions = SystemLibStdCxx.DefinedVersions(libstdcxx);
                PreparedLibraries = CandidateLibraries()
                    .Select(p => (p, LibStdCxxCompat.Ensure(p, versions)))
                    .ToList();
            }
            catch (Exception e)
            {
                _prepareError = e;
            }
        }
    }

    /// <summary>The places an application's <c>libLibTorchSharp.so</c> can be, in the order the host probes them.</summary>
    public static IEnumerable<string> CandidateLibraries()
    {
        string baseDir = AppContext.BaseDirectory;
        string arch = RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant();
        string[] candidates =
        [
            Path.Combine(baseDir, "runtimes", $"linux-{arch}", "native", "libLibTorchSharp.so"),
            Path.Combine(baseDir, "libLibTorchSharp.so"),
        ];
        return candidates.Where(File.Exists);
    }

    /// <summary>
    /// Prepares the native libraries and initialises libtorch, once per process.
    /// </summary>
    /// <exception cref="TorchUnavailableException">libtorch cannot be loaded; the message says how to fix it.</exception>
    public static void EnsureInitialized()
    {
        PrepareNativeLibraries();
        lock (Gate)
        {
            if (_initialized) return;
            if (_prepareError is ReproSpecsException known) throw known;
            try
            {
                torch.InitializeDeviceType(DeviceType.CPU);
                using var probe = torch.ones(1);
            }
            catch (Exception e)
            {
                string cause = _prepareError is null ? "" : $" (patching libLibTorchSharp.so failed first: {_prepareError.Message})";
                throw new TorchUnavailableException(
                    $"TorchSharp's native libraries did not load{cause}: {FirstLine(e)}. " +
                    "Fix: run 'dotnet build' so the libtorch package is restored next to the program; on Linux the " +
                    "system needs glibc 2.28+ (see README, 'Debian 12').", e);
            }
            _initialized = true;
        }
    }

    /// <summary>Whether a CUDA device is usable (false on CPU-only builds).</summary>
    public static bool CudaAvailable
    {
        get
        {
            EnsureInitialized();
            try { return torch.cuda.is_available(); }
            catch (Exception) { return false; }
        }
    }

    /// <summary>The TorchSharp package version, e.g. <c>0.107.0</c>.</summary>
    public static string TorchSharpVersion =>
        typeof(torch).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(torch).Assembly.GetName().Version?.ToString() ?? "unknown";

    /// <summary>The libtorch version TorchSharp was built against, e.g. <c>2.10.0</c>.</summary>
    public static string LibTorchVersion => torch.__version__;

    /// <summary>The number of threads libtorch uses for intra-op parallelism.</summary>
    public static int Threads
    {
        get { EnsureInitialized(); return torch.get_num_threads(); }
    }

    /// <summary>Sets libtorch's intra-op thread count (results are bit-identical only for a fixed count).</summary>
    public static void SetThreads(int threads)
    {
        if (threads < 1) throw new ConfigurationException($"threads must be at least 1, got {threads}. Fix: set REPROSPECS_THREADS to a positive number or leave it unset.");
        EnsureInitialized();
        if (torch.get_num_threads() != threads) torch.set_num_threads(threads);
    }

    private static string FirstLine(Exception e)
    {
        while (e.InnerException is not null && e is TypeInitializationException or TargetInvocationException) e = e.InnerException;
        return e.Message.Split('\n', 2)[0].Trim();
    }
}
