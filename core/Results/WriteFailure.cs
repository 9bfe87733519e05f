namespace ReproSpecs.Harness.Results;

/// <summary>
/// Turns an I/O error met while writing into the results folder into one line that names the cause a
/// user can act on (a file where a folder should be, a read-only file system, no permission, a full disk
/// or no free inodes) and its fix.
/// </summary>
internal static class WriteFailure
{
    private const int EACCES = 13, ENOSPC = 28, EROFS = 30, EDQUOT = 122;

    /// <summary>The exception for a failed write of <paramref name="path"/> (<paramref name="what"/>: e.g. "results file").</summary>
    public static ResultFileException For(string what, string path, Exception e, string intact = "Earlier results are intact. ")
    {
        const string rerun = "then rerun: finished trials are reused.";
        string full = Path.GetFullPath(path);
        string fix = FileAncestor(full) is { } file
            ? $"Results path {file} is a file, not a folder. Fix: point --results (or REPROSPECS_RESULTS) at a folder, or move that file away, {rerun}"
            : (e, e.HResult) switch
            {
                (IOException, EROFS) => $"The results folder is on a read-only file system. {intact}Fix: point --results (or REPROSPECS_RESULTS) at writable storage, or remount it read-write, {rerun}",
                (UnauthorizedAccessException, _) or (IOException, EACCES) =>
                    $"This user ({Environment.UserName}) may not write to {Path.GetDirectoryName(full)}. {intact}Fix: make the results folder writable for this user (chmod u+w), or point --results (or REPROSPECS_RESULTS) elsewhere, {rerun}",
                (IOException, ENOSPC or EDQUOT) => $"No space or no free inodes left on the device. {intact}Fix: free disk space and inodes (df -h; df -i), or point --results (or REPROSPECS_RESULTS) elsewhere, {rerun}",
                _ => $"{intact}Fix: free disk space or make the results folder writable (REPROSPECS_RESULTS chooses it), {rerun}",
            };
        return new ResultFileException(ResultFileError.Unwritable, $"Cannot write {what} {path}: {e.Message.TrimEnd('.', ' ')}. {fix}", e);
    }

    /// <summary>The nearest existing ancestor of <paramref name="path"/> (the path itself included) when it is a file.</summary>
    private static string? FileAncestor(string path)
    {
        for (string? p = path; !string.IsNullOrEmpty(p); p = Path.GetDirectoryName(p))
        {
            if (Directory.Exists(p)) return null;
            if (File.Exists(p)) return p == path ? null : p;
        }
        return null;
    }
}
