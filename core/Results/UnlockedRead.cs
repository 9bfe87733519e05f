using System.Runtime.InteropServices;
using System.Text;

namespace ReproSpecs.Harness.Results;

/// <summary>
/// Reads a small file that another handle holds under an exclusive <c>flock</c>: .NET takes a shared
/// <c>flock</c> on every open, which such a lock refuses, so this reads with plain <c>open</c>/<c>read</c>
/// (advisory locks never block reads). Unix only; null elsewhere or on any error.
/// </summary>
internal static class UnlockedRead
{
    [DllImport("libc", SetLastError = true)]
    private static extern int open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", SetLastError = true)]
    private static extern nint read(int fd, byte[] buffer, nint count);

    [DllImport("libc")]
    private static extern int close(int fd);

    /// <summary>Up to <paramref name="maxBytes"/> bytes of <paramref name="path"/> as UTF-8, or null.</summary>
    public static string? Text(string path, int maxBytes = 512)
    {
        if (OperatingSystem.IsWindows()) return null;
        try
        {
            int fd = open(path, 0); // O_RDONLY
            if (fd < 0) return null;
            try
            {
                var buffer = new byte[maxBytes];
                nint n = read(fd, buffer, buffer.Length);
                return n < 0 ? null : Encoding.UTF8.GetString(buffer, 0, (int)n);
            }
            finally { close(fd); }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException) { return null; }
    }
}
