using System.Diagnostics;

namespace ReproSpecs.Tests.Reliability;

/// <summary>
/// A small tmpfs or a read-only bind mount for fault tests; <see cref="TryTmpfs"/> and
/// <see cref="TryReadOnlyBind"/> return null with the reason where this machine cannot mount (not root,
/// no CAP_SYS_ADMIN, not Linux), so the tests skip instead of failing.
/// </summary>
internal sealed class ScratchMount : IDisposable
{
    private ScratchMount(string path) => Path = path;

    /// <summary>The mount point.</summary>
    public string Path { get; }

    /// <summary>Mounts a tmpfs with the given <c>-o</c> options (e.g. <c>size=4m,nr_inodes=6</c>).</summary>
    public static ScratchMount? TryTmpfs(string options, out string reason)
    {
        string dir = NewDir();
        if (Exec(out reason, "mount", "-t", "tmpfs", "-o", options, "tmpfs", dir)) return new ScratchMount(dir);
        Directory.Delete(dir);
        return null;
    }

    /// <summary>Mounts <paramref name="source"/> read-only at a new folder.</summary>
    public static ScratchMount? TryReadOnlyBind(string source, out string reason)
    {
        string dir = NewDir();
        if (Exec(out reason, "mount", "--bind", source, dir))
        {
            if (Exec(out reason, "mount", "-o", "remount,bind,ro", dir)) return new ScratchMount(dir);
            Exec(out _, "umount", dir);
        }
        Directory.Delete(dir);
        return null;
    }

    /// <summary>Runs a command as user <c>nobody</c> via <c>setpriv</c>; null with the reason where that is not possible.</summary>
    public static string[]? AsNobody(out string reason)
    {
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root") { reason = "not root on Linux: the test runs as the current user"; return ["env"]; }
        reason = "";
        return Exec(out reason, "setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "true")
            ? ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
            : null;
    }

    private static string NewDir()
    {
        string dir = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "reprospecs-mnt-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dir);
        return dir;
    }

    private static bool Exec(out string reason, string file, params string[] args)
    {
        reason = "";
        if (!OperatingSystem.IsLinux()) { reason = "mounts need Linux"; return false; }
        try
        {
            var info = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var a in args) info.ArgumentList.Add(a);
            using var p = Process.Start(info)!;
            string err = p.StandardError.ReadToEnd();
            p.WaitForExit();
            reason = $"{file} {string.Join(' ', args)} failed: {err.Trim()} (needs root or CAP_SYS_ADMIN)";
            return p.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            reason = $"{file} is not available: {e.Message}";
            return false;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Exec(out _, "umount", "-l", Path);
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}
