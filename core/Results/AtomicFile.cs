namespace ReproSpecs.Harness.Results;

/// <summary>
/// Writes files so that a reader (or a rerun after SIGKILL) sees either the old content or the new,
/// never a prefix: write a uniquely named temporary file in the same folder, flush it to disk, rename.
/// </summary>
public static class AtomicFile
{
    /// <summary>
    /// Test seam: called with the destination path after half of the bytes are written to the temporary
    /// file; a returned exception is thrown there (tests simulate a full disk with it).
    /// </summary>
    internal static Func<string, Exception?>? FaultInjector { get; set; }

    /// <summary>
    /// Milliseconds to pause after writing half of a file and again before the rename, read from
    /// <c>REPROSPECS_FAULT_WRITE_DELAY_MS</c>. Only the kill-and-resume test sets it, so that its kills can
    /// land in the middle of a write; it is 0 otherwise.
    /// </summary>
    private static readonly int WriteDelayMs =
        int.TryParse(Configuration.EnvironmentVariables.Get(Configuration.EnvironmentVariables.FaultWriteDelayMs), out int ms) ? Math.Max(ms, 0) : 0;

    /// <summary>Atomically replaces <paramref name="path"/> with <paramref name="bytes"/>.</summary>
    /// <exception cref="ResultFileException">The folder is unwritable, read-only, a file, or the disk is full (<see cref="ResultFileError.Unwritable"/>); earlier content is intact.</exception>
    public static void WriteAllBytes(string path, ReadOnlySpan<byte> bytes)
    {
        string dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        string temp = Path.Combine(dir, $".{Path.GetFileName(path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(dir);
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                int half = bytes.Length / 2;
                stream.Write(bytes[..half]);
                if (WriteDelayMs > 0) { stream.Flush(); Thread.Sleep(WriteDelayMs); }
                if (FaultInjector?.Invoke(path) is { } fault) throw fault;
                stream.Write(bytes[half..]);
                stream.Flush(flushToDisk: true);
            }
            if (WriteDelayMs > 0) Thread.Sleep(WriteDelayMs);
            File.Move(temp, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            throw WriteFailure.For("results file", path, e);
        }
    }

    private static void TryDelete(string path)
    {
        try { if (File.Exists(path)) File.Delete(path); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
