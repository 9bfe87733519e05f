namespace ReproSpecs.Harness.Runtime;

/// <summary>Finds the libstdc++ that native libraries of this process will bind to.</summary>
public static class SystemLibStdCxx
{
    private static readonly string[] ProbeDirectories =
    [
        "/usr/lib/x86_64-linux-gnu", "/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/lib/aarch64-linux-gnu",
        "/usr/lib64", "/lib64", "/usr/lib", "/lib",
    ];

    /// <summary>
    /// The path of <c>libstdc++.so.6</c>: the copy already mapped into this process when there is one
    /// (the .NET runtime loads it, and the dynamic loader reuses it for every later library), otherwise
    /// the first one found in the standard library directories; <c>null</c> when there is none.
    /// </summary>
    public static string? Locate()
    {
        try
        {
            if (File.Exists("/proc/self/maps"))
            {
                foreach (var line in File.ReadLines("/proc/self/maps"))
                {
                    int slash = line.IndexOf('/');
                    if (slash >= 0 && line.Contains("/libstdc++.so", StringComparison.Ordinal))
                        return line[slash..].Trim();
                }
            }
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return ProbeDirectories.Select(d => Path.Combine(d, "libstdc++.so.6")).FirstOrDefault(File.Exists);
    }

    /// <summary>The version names (e.g. <c>GLIBCXX_3.4.30</c>) the library at <paramref name="path"/> defines.</summary>
    public static IReadOnlySet<string> DefinedVersions(string path) => ElfImage.Load(path).DefinedVersions();
}
