namespace ReproSpecs.Harness.Results;

/// <summary>
/// Writes files so that a reader (or a rerun after SIGKILL) sees either the old content or the new,
/// never a prefix: write a uniquely named temporary file in the same folder, flush it to disk, rename.
/// </summary>
public static class AtomicFile
{
    /// <summary>Atomically replaces <paramref name="path"/> with <paramref name="bytes"/>.</summary>
    /// <exception cref="ResultFileException">The folder is unwritable or the disk is full; earlier content is intact.</exception>
    public static void WriteAllBytes(string path, ReadOnlySpan<byte> bytes)
    {
        string dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        string temp = Path.Combine(dir, $".{Path.GetFileName(path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(dir);
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            throw new ResultFileException(
                $"Cannot write results file {path}: {e.Message}. Earlier results are intact. " +
                "Fix: free disk space or make the results folder writable (REPROSPECS_RESULTS chooses it), then rerun: finished trials are reused.", e);
        }
    }

    private static void TryDelete(string path)
    {
        try { if (File.Exists(path)) File.Delete(path); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
