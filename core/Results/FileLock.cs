namespace ReproSpecs.Harness.Results;

/// <summary>
/// An exclusive advisory lock on a file (<c>flock</c> on Unix, a share-none handle on Windows). Two
/// processes pointed at one results folder (two shards, a rerun started twice) use it so that a trial is
/// trained by one of them only. The operating system drops the lock when its process dies, so a killed
/// run never leaves a stale lock behind.
/// </summary>
public sealed class FileLock : IDisposable
{
    private readonly FileStream _stream;

    private FileLock(FileStream stream, string path)
    {
        _stream = stream;
        Path = path;
    }

    /// <summary>The lock file.</summary>
    public string Path { get; }

    /// <summary>Takes the lock if nobody holds it; returns null at once otherwise.</summary>
    public static FileLock? TryAcquire(string path)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        try
        {
            return new FileLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None), path);
        }
        catch (IOException) when (File.Exists(path))
        {
            return null; // held by another process (or another handle of this one)
        }
    }

    /// <inheritdoc />
    public void Dispose() => _stream.Dispose();
}
