namespace ReproSpecs.Harness.Runtime;

/// <summary>
/// Makes TorchSharp's <c>libLibTorchSharp.so</c> loadable where the system libstdc++ is older than the
/// one it was linked against (Debian 12, Ubuntu 22.04: GLIBCXX stops at 3.4.30).
/// </summary>
/// <remarks>
/// TorchSharp 0.107.0 was built with GCC 13, whose <c>&lt;iostream&gt;</c> references
/// <c>std::ios_base_library_init()</c>, the only symbol of version <c>GLIBCXX_3.4.32</c>. It is an
/// init-order anchor that no relocation uses, so marking that one needed version weak (ELF
/// <c>VER_FLG_WEAK</c>) lets the dynamic loader accept the library. We only ever weaken versions on
/// an allowlist, and only when every symbol bound to them is on the allowlist too; anything else
/// would hide a real missing symbol and is reported instead.
/// </remarks>
public static class LibStdCxxCompat
{
    /// <summary>Versions that may be weakened, each with the only symbols allowed to be bound to it.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> SafeToWeaken = new Dictionary<string, string[]>
    {
        ["GLIBCXX_3.4.32"] = ["_ZSt21ios_base_library_initv"],
    };

    /// <summary>What <see cref="Ensure"/> found or did.</summary>
    public enum Outcome
    {
        /// <summary>The system libstdc++ defines every version the library needs: nothing to do.</summary>
        NotNeeded,
        /// <summary>The missing versions were already weak (an earlier run patched the file).</summary>
        AlreadyPatched,
        /// <summary>The file was rewritten with the missing versions marked weak.</summary>
        Patched,
    }

    /// <summary>The result of <see cref="Ensure"/>.</summary>
    /// <param name="Outcome">What was found or done.</param>
    /// <param name="MissingVersions">libstdc++ versions the library needs that the system lacks.</param>
    public sealed record Report(Outcome Outcome, IReadOnlyList<string> MissingVersions);

    /// <summary>
    /// Checks <paramref name="libraryPath"/> against the versions the system libstdc++ defines and, if
    /// needed and safe, rewrites it atomically with the missing versions marked weak. Idempotent.
    /// </summary>
    /// <param name="libraryPath">Path of the ELF library to check (normally <c>libLibTorchSharp.so</c>).</param>
    /// <param name="systemVersions">Version names the system's <c>libstdc++.so.6</c> defines.</param>
    /// <exception cref="TorchUnavailableException">A missing version is not known to be safe to weaken.</exception>
    public static Report Ensure(string libraryPath, IReadOnlySet<string> systemVersions)
    {
        var image = ElfImage.Load(libraryPath);
        var missing = image.NeededVersions()
            .Where(v => v.File.StartsWith("libstdc++", StringComparison.Ordinal) && !systemVersions.Contains(v.Name))
            .ToList();
        var names = missing.Select(v => v.Name).ToList();
        if (missing.Count == 0) return new Report(Outcome.NotNeeded, names);

        var toWeaken = missing.Where(v => !v.IsWeak).ToList();
        if (toWeaken.Count == 0) return new Report(Outcome.AlreadyPatched, names);

        foreach (var v in toWeaken)
        {
            var bound = image.SymbolsBoundTo(v.Index);
            if (!SafeToWeaken.TryGetValue(v.Name, out var allowed) || bound.Any(s => !allowed.Contains(s)))
                throw new TorchUnavailableException(
                    $"{Path.GetFileName(libraryPath)} needs {v.Name} from {v.File} (symbols: {string.Join(", ", bound)}), " +
                    "which this system's libstdc++ lacks and which cannot safely be ignored. " +
                    "Fix: install a libstdc++ from GCC 13 or newer, or run on a newer distribution.");
            image.SetFlags(v, (ushort)(v.Flags | ElfImage.NeededVersion.WeakFlag));
        }

        WriteAtomically(libraryPath, image.Bytes);
        return new Report(Outcome.Patched, names);
    }

    /// <summary>
    /// Writes through a temporary file and a rename, so a concurrent loader never sees half a library
    /// and a hard-linked package cache is never modified. Keeps the original timestamp so that an
    /// incremental build does not copy the unpatched file over again.
    /// </summary>
    private static void WriteAtomically(string path, byte[] bytes)
    {
        var info = new FileInfo(path);
        var mtime = info.LastWriteTimeUtc;
        string temp = Path.Combine(info.DirectoryName!, $".{info.Name}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllBytes(temp, bytes);
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temp, info.UnixFileMode);
            File.SetLastWriteTimeUtc(temp, mtime);
            File.Move(temp, path, overwrite: true);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            TryDelete(temp);
            throw new TorchUnavailableException(
                $"{path} must be patched to load on this system's libstdc++, but it cannot be rewritten ({e.Message}). " +
                "Fix: make the build output writable and rerun, or build the project yourself (dotnet build).");
        }
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
