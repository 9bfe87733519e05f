using System.Diagnostics;
using System.Reflection;
using ReproSpecs.Harness;

namespace ReproSpecs.Cli.Commands;

/// <summary>
/// <c>reprospecs run --workers W</c>: the trials of the chosen cells as a work queue over W worker processes, each this
/// same command re-launched (its output forwarded here) with its own libtorch thread count and <c>--worker N</c> (which trains free trials only:
/// <see cref="Harness.Cells.TrialQueue"/>). The workers share nothing but the results store and its per-trial locks, so
/// a pool composes with shards and with other users of the store. Each worker prefixes its
/// progress lines with <c>[wN]</c>, so W trials in flight stay readable; an error every worker meets is printed once.
/// </summary>
internal static class WorkerPool
{
    /// <summary>The hidden option a worker is launched with (its 1-based number).</summary>
    public const string WorkerOption = "--worker";

    /// <summary>Workers when <c>--workers</c> is not given: one per <paramref name="threadsPerWorker"/> processors, at least one, at most <paramref name="trials"/>.</summary>
    public static int DefaultCount(int threadsPerWorker, int trials) =>
        Math.Clamp(Environment.ProcessorCount / Math.Max(threadsPerWorker, 1), 1, Math.Max(trials, 1));

    /// <summary>
    /// Launches <paramref name="workers"/> workers with <paramref name="args"/> (the parent's arguments; its own
    /// <c>--workers</c> and <c>--threads</c> are replaced) and waits for all of them.
    /// </summary>
    /// <returns>0 when every worker succeeded, else the first failing worker's exit code.</returns>
    public static int Run(IReadOnlyList<string> args, int workers, int threadsPerWorker, CancellationToken cancel)
    {
        var forwarded = Without(args, "--workers", "--threads", WorkerOption);
        var processes = new List<Process>();
        try
        {
            for (int i = 1; i <= workers; i++)
            {
                var info = Self();
                foreach (var a in forwarded) info.ArgumentList.Add(a);
                foreach (var a in new[] { "--threads", threadsPerWorker.ToString(System.Globalization.CultureInfo.InvariantCulture), WorkerOption, i.ToString(System.Globalization.CultureInfo.InvariantCulture) })
                    info.ArgumentList.Add(a);
                var process = Process.Start(info) ?? throw new ConfigurationException("could not start a worker process. Fix: run with --workers 1.");
                process.OutputDataReceived += (_, e) => Forward(e.Data);
                process.ErrorDataReceived += (_, e) => Forward(e.Data);
                process.BeginOutputReadLine();
                process.BeginErrorReadLine();
                processes.Add(process);
            }
            int code = 0;
            foreach (var p in processes)
            {
                // Ctrl+C reaches the workers too (one process group); each saves what it finished and exits.
                p.WaitForExit(); // also drains the forwarded output
                if (code == 0 && p.ExitCode != 0) code = p.ExitCode;
            }
            cancel.ThrowIfCancellationRequested();
            return code;
        }
        finally
        {
            foreach (var p in processes) p.Dispose();
        }
    }

    private static readonly HashSet<string> Errors = [];

    /// <summary>
    /// Writes a worker's line to this process's stderr. Progress lines carry their worker's prefix; an error line
    /// (a configuration or store problem every worker meets alike) is written once, so a mistake is still one line.
    /// </summary>
    private static void Forward(string? line)
    {
        if (line is null) return;
        lock (Errors)
        {
            if (line.StartsWith("error:", StringComparison.Ordinal) && !Errors.Add(line)) return;
            if (line.StartsWith("interrupted:", StringComparison.Ordinal)) return; // this process says it once, after its workers stop
            Console.Error.WriteLine(line);
        }
    }

    /// <summary>This command as a new process: the apphost, or <c>dotnet</c> and the entry assembly.</summary>
    public static ProcessStartInfo Self()
    {
        string host = Environment.ProcessPath ?? "dotnet";
        var info = new ProcessStartInfo(host) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        if (Path.GetFileNameWithoutExtension(host).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
            info.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        return info;
    }

    /// <summary><paramref name="args"/> without the named options (both <c>--name value</c> and <c>--name=value</c>).</summary>
    public static List<string> Without(IReadOnlyList<string> args, params string[] names)
    {
        var kept = new List<string>();
        for (int i = 0; i < args.Count; i++)
        {
            string a = args[i];
            if (names.Contains(a, StringComparer.Ordinal)) { i++; continue; }
            if (names.Any(n => a.StartsWith(n + "=", StringComparison.Ordinal))) continue;
            kept.Add(a);
        }
        return kept;
    }
}
