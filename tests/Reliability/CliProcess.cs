using System.Diagnostics;
using System.Text;

namespace ReproSpecs.Tests.Reliability;

/// <summary>Runs the real <c>reprospecs</c> command (copied next to the tests) as a child process.</summary>
internal sealed class CliProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private CliProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Everything the process printed so far.</summary>
    public string Output { get { lock (_output) return _output.ToString(); } }

    /// <summary>Whether it has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Its exit code (after exit).</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>Starts <c>reprospecs</c> with <paramref name="args"/> and extra environment variables.</summary>
    /// <param name="runAs">A command prefix such as <c>setpriv --reuid=…</c> to run it as another user.</param>
    public static CliProcess Start(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null, IReadOnlyList<string>? runAs = null)
    {
        var info = new ProcessStartInfo(runAs is { Count: > 0 } ? runAs[0] : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (runAs is { Count: > 0 })
        {
            foreach (var a in runAs.Skip(1)) info.ArgumentList.Add(a);
            info.ArgumentList.Add("dotnet");
        }
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "reprospecs.dll"));
        foreach (var a in args) info.ArgumentList.Add(a);
        // A scheduler's shard variables (the suite itself may run in a Slurm array or a GitLab parallel job) would make every
        // `run` here a shard; a test that wants a shard passes its variables explicitly.
        foreach (var name in ShardVariables) info.Environment.Remove(name);
        foreach (var (k, v) in environment ?? new Dictionary<string, string>()) info.Environment[k] = v;
        return new CliProcess(Process.Start(info)!);
    }

    /// <summary>The variables a shard's index can come from (docs/scaling-contract.md), removed from a child's inherited environment.</summary>
    private static readonly string[] ShardVariables =
    [
        "REPROSPECS_SHARD", "REPROSPECS_SHARD_COUNT", "SLURM_ARRAY_TASK_ID", "SLURM_ARRAY_TASK_COUNT", "SLURM_ARRAY_TASK_MIN", "SLURM_ARRAY_TASK_MAX",
        "JOB_COMPLETION_INDEX", "CI_NODE_INDEX", "CI_NODE_TOTAL",
    ];

    /// <summary>Runs to completion and returns the exit code.</summary>
    public static (int ExitCode, string Output) Run(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null, IReadOnlyList<string>? runAs = null)
    {
        using var p = Start(args, environment, runAs);
        p.WaitForExit(TimeSpan.FromMinutes(5));
        return (p.ExitCode, p.Output);
    }

    /// <summary>Waits up to <paramref name="timeout"/>; true when it exited.</summary>
    public bool WaitForExit(TimeSpan timeout)
    {
        bool exited = _process.WaitForExit(timeout);
        if (exited) _process.WaitForExit(); // drain the output handlers
        return exited;
    }

    /// <summary>SIGKILL, the whole process tree: no handler, no cleanup, no flush.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_process.HasExited) Kill();
        _process.Dispose();
    }
}
