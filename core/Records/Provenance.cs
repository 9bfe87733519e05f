using System.Diagnostics;
using System.Runtime.InteropServices;
using ReproSpecs.Harness.Configuration;

namespace ReproSpecs.Harness.Records;

/// <summary>Where and with what a cell's numbers were produced.</summary>
/// <param name="GitCommit">Commit of the harness source, or <c>unknown</c>.</param>
/// <param name="GitDirty">Whether tracked files differed from that commit.</param>
/// <param name="TorchSharpVersion">TorchSharp package version.</param>
/// <param name="LibTorchVersion">libtorch version.</param>
/// <param name="Device">Device the trials ran on (<c>cpu</c> or <c>cuda</c>).</param>
/// <param name="Threads">libtorch intra-op threads.</param>
/// <param name="CorpusSha256">SHA-256 of the corpus.</param>
/// <param name="SchemaVersion">Results-file schema version.</param>
/// <param name="Dotnet">.NET runtime description.</param>
/// <param name="Os">Operating system description.</param>
/// <param name="Machine">Host name.</param>
/// <param name="CreatedAt">When this record was made (UTC).</param>
public sealed record Provenance(
    string GitCommit,
    bool GitDirty,
    string TorchSharpVersion,
    string LibTorchVersion,
    string Device,
    int Threads,
    string CorpusSha256,
    int SchemaVersion,
    string Dotnet,
    string Os,
    string Machine,
    DateTimeOffset CreatedAt)
{
    private static readonly Lazy<(string Commit, bool Dirty)> Git = new(ReadGit);

    /// <summary>Provenance of this process for a run on <paramref name="device"/> over the given corpus.</summary>
    /// <param name="device">Device type, e.g. <c>cpu</c>.</param>
    /// <param name="corpusSha256">SHA-256 of the corpus.</param>
    /// <param name="torchSharpVersion">TorchSharp package version.</param>
    /// <param name="libTorchVersion">libtorch version.</param>
    /// <param name="threads">libtorch intra-op threads.</param>
    /// <param name="schemaVersion">Schema version of the results files written.</param>
    public static Provenance Capture(string device, string corpusSha256, string torchSharpVersion, string libTorchVersion, int threads, int schemaVersion) => new(
        Git.Value.Commit, Git.Value.Dirty, torchSharpVersion, libTorchVersion, device,
        threads, corpusSha256, schemaVersion, RuntimeInformation.FrameworkDescription,
        RuntimeInformation.OSDescription, Environment.MachineName, DateTimeOffset.UtcNow);

    private static (string, bool) ReadGit()
    {
        string? root = UserPaths.FindRepositoryRoot(AppContext.BaseDirectory) ?? UserPaths.FindRepositoryRoot(Environment.CurrentDirectory);
        if (root is null) return ("unknown", false);
        string? commit = RunGit(root, "rev-parse HEAD");
        if (commit is null) return ("unknown", false);
        string? status = RunGit(root, "status --porcelain --untracked-files=no");
        return (commit.Trim(), !string.IsNullOrWhiteSpace(status));
    }

    private static string? RunGit(string root, string arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("git", $"-C \"{root}\" {arguments}")
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            });
            if (process is null) return null;
            string output = process.StandardOutput.ReadToEnd();
            process.WaitForExit(10_000);
            return process.ExitCode == 0 ? output : null;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return null;
        }
    }
}
