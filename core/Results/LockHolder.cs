using System.Globalization;

namespace ReproSpecs.Harness.Results;

/// <summary>Who holds a trial's lock, as its holder wrote it into the lock file: <c>pid=… host=… since=…</c>.</summary>
/// <param name="Pid">The holder's process id.</param>
/// <param name="Host">The holder's machine name.</param>
/// <param name="Since">When it took the lock (UTC).</param>
public sealed record LockHolder(int Pid, string Host, DateTimeOffset Since)
{
    /// <summary>This process, now.</summary>
    public static LockHolder Current() => new(Environment.ProcessId, Environment.MachineName, DateTimeOffset.UtcNow);

    /// <summary>True when the holder ran on this machine and its process is no longer alive (it cannot be training).</summary>
    public bool IsGone => string.Equals(Host, Environment.MachineName, StringComparison.OrdinalIgnoreCase) && !LiveProcess.IsAlive(Pid);

    /// <summary>The line written into the lock file.</summary>
    public string Format() => string.Create(CultureInfo.InvariantCulture, $"pid={Pid} host={Host} since={Since.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}\n");

    /// <summary>Parses a lock file's content; null when it is empty or not in <see cref="Format"/>'s form.</summary>
    public static LockHolder? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var fields = text.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(f => f.Split('=', 2)).Where(f => f.Length == 2).ToDictionary(f => f[0], f => f[1], StringComparer.Ordinal);
        return fields.TryGetValue("pid", out var pid) && int.TryParse(pid, NumberStyles.Integer, CultureInfo.InvariantCulture, out int p)
               && fields.TryGetValue("host", out var host)
               && fields.TryGetValue("since", out var since) && DateTimeOffset.TryParse(since, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var s)
            ? new LockHolder(p, host, s)
            : null;
    }

    /// <summary>E.g. <c>pid 1234 on host ci-7 since 2026-01-01T10:00:00Z</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"pid {Pid} on host {Host} since {Since.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}");
}
