namespace ReproSpecs.Harness.Results;

/// <summary>
/// An exclusive advisory lock on a file (<c>flock</c> on Unix, a share-none handle on Windows). Two
/// processes pointed at one results folder (two shards, a rerun started twice) use it so that a trial is
/// trained by one of them only. The operating system drops the lock when its process dies, so a killed
/// run never leaves a stale lock behind. The holder writes its <see cref="LockHolder"/> (pid, host, time)
/// into the file so that a waiting process can say who it waits for, and notice when that holder is gone.
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

    /// <summary>
    /// Takes the lock if nobody holds it; returns null at once when another process (or another handle of
    /// this one) holds it. Any other failure is not contention and is thrown.
    /// </summary>
    /// <exception cref="ResultFileException">
    /// The lock file cannot be created or opened (read-only or full file system, no free inodes, no
    /// permission, a file where a folder should be): <see cref="ResultFileError.Unwritable"/>.
    /// </exception>
    public static FileLock? TryAcquire(string path)
    {
        FileStream stream;
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
            stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e) when (IsContention(e))
        {
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw WriteFailure.For("lock file", path, e, intact: "");
        }
        try
        {
            stream.SetLength(0);
            stream.Write(System.Text.Encoding.UTF8.GetBytes(LockHolder.Current().Format()));
            stream.Flush();
        }
        catch (IOException e)
        {
            stream.Dispose();
            throw WriteFailure.For("lock file", path, e, intact: "");
        }
        return new FileLock(stream, path);
    }

    /// <summary>Who holds (or last held) the lock at <paramref name="path"/>, as written in it; null when unknown.</summary>
    public static LockHolder? ReadHolder(string path) => LockHolder.Parse(UnlockedRead.Text(path));

    /// <summary>Test seam: replaces the holder line this lock advertises.</summary>
    internal void Advertise(LockHolder holder)
    {
        _stream.SetLength(0);
        _stream.Write(System.Text.Encoding.UTF8.GetBytes(holder.Format()));
        _stream.Flush();
    }

    /// <summary>A lock refused because somebody holds it: EWOULDBLOCK from <c>flock</c>, a sharing or lock violation on Windows.</summary>
    private static bool IsContention(IOException e) =>
        OperatingSystem.IsWindows() ? (e.HResult & 0xFFFF) is 32 or 33 : e.HResult is 11 or 35;

    /// <inheritdoc />
    public void Dispose() => _stream.Dispose();
}
