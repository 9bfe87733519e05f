using System.Security.Cryptography;
using System.Text.Json;
using ReproSpecs.Harness.Records;
using ReproSpecs.Harness.Results;

namespace ReproSpecs.Reports.Store;

/// <summary>
/// Verifies the files beside a verified cell file (the study's <c>cell.json</c> or a seed arm's <c>cell-&lt;arm&gt;.json</c>): <c>config.json</c> (its seal, and that it holds the
/// cell's config), and, when the folder keeps its trial files, every trial JSON (its seal, that it was
/// trained under the cell's config, that it is the trial the cell file embeds) and every probabilities
/// file a trial names (its SHA-256). A folder with no trial files at all is a summary-only copy (cell
/// and config files): only those are checked. Reads only; never writes.
/// </summary>
public static class CellFolderCheck
{
    /// <summary>Every supporting file of the cell at <paramref name="cellPath"/> (found under <paramref name="root"/>), each with its problem if any.</summary>
    public static IEnumerable<CheckedFile> Check(string root, string cellPath, CellRecord cell)
    {
        string dir = Path.GetDirectoryName(cellPath)!;
        yield return CheckConfig(root, Path.Combine(dir, "config.json"), cell);

        var trialFiles = Directory.EnumerateFiles(dir, "trial-*.json").Order(StringComparer.Ordinal).ToList();
        if (trialFiles.Count == 0) yield break; // a summary-only copy
        var expected = cell.Trials.ToDictionary(t => Path.Combine(dir, ResultStore.TrialStem(t.Index, t.Seeds) + ".json"), StringComparer.Ordinal);
        foreach (var missing in expected.Keys.Except(trialFiles, StringComparer.Ordinal).Order(StringComparer.Ordinal))
            yield return Problem(root, missing, "", FileProblemKind.Missing, $"Results file {Relative(root, missing)} is missing, but {Relative(root, cellPath)} lists its trial. Fix: rerun the cell to retrain it.");
        foreach (var path in trialFiles)
            foreach (var file in CheckTrial(root, path, cell, expected.GetValueOrDefault(path), Path.GetFileName(cellPath)))
                yield return file;
    }

    private static CheckedFile CheckConfig(string root, string path, CellRecord cell)
    {
        var (file, problem) = Verify<CellConfig>(root, path, out var config);
        // Compare configs as read (an older schema is migrated on load, so its recorded hash cannot be recomputed).
        if (problem is null && config!.Hash != cell.Config.Hash)
            problem = new FileProblem(FileProblemKind.Mismatched, $"Results file {file.RelativePath} holds config {config.ShortHash}, not its cell's {cell.Config.ShortHash}. Fix: delete it and rerun the cell to regenerate it.");
        return new CheckedFile(file, problem);
    }

    private static IEnumerable<CheckedFile> CheckTrial(string root, string path, CellRecord cell, TrialRecord? embedded, string cellFile)
    {
        var (file, problem) = Verify<TrialRecord>(root, path, out var trial);
        if (problem is null && trial!.ConfigHash != cell.ConfigHash)
            problem = new FileProblem(FileProblemKind.Mismatched, $"Results file {file.RelativePath} was trained under config {ShortHashes.Of(trial.ConfigHash)}, not its cell's {ShortHashes.Of(cell.ConfigHash)} (copied in from another cell?). Fix: delete it and rerun the cell.");
        else if (problem is null && embedded is not null && JsonSerializer.Serialize(trial, Json.Options) != JsonSerializer.Serialize(embedded, Json.Options))
            problem = new FileProblem(FileProblemKind.Mismatched, $"Results file {file.RelativePath} is not the trial its cell file {cellFile} embeds (replaced after the cell was written?). Fix: delete the cell folder's {cellFile} and rerun the cell.");
        yield return new CheckedFile(file, problem);
        if (trial is null || problem is not null) yield break;
        foreach (var score in trial.Scores)
            yield return CheckProbabilities(root, Path.Combine(Path.GetDirectoryName(path)!, score.ProbabilitiesFile), score.ProbabilitiesSha256, file);
    }

    private static CheckedFile CheckProbabilities(string root, string path, string sha256, StoredFile trial)
    {
        string relative = Relative(root, path);
        if (!File.Exists(path))
            return Problem(root, path, "", FileProblemKind.Missing, $"Probabilities file {relative} is missing, but {trial.RelativePath} names it. Fix: delete the trial's files and rerun to retrain it.");
        byte[] bytes;
        try { bytes = File.ReadAllBytes(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Problem(root, path, "", FileProblemKind.Unreadable, $"Probabilities file {relative} cannot be read: {e.Message}");
        }
        string actual = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var file = new StoredFile(path, root, relative, actual);
        return actual == sha256
            ? new CheckedFile(file, null)
            : new CheckedFile(file, new FileProblem(FileProblemKind.Altered, $"Probabilities file {relative} does not match the SHA-256 {trial.RelativePath} records (truncated or altered). Fix: delete the trial's files and rerun to retrain it."));
    }

    private static (StoredFile File, FileProblem? Problem) Verify<T>(string root, string path, out T? value) where T : class
    {
        value = null;
        string relative = Relative(root, path);
        if (!File.Exists(path))
            return (new StoredFile(path, root, relative, ""), new FileProblem(FileProblemKind.Missing, $"Results file {relative} is missing. Fix: rerun the cell to regenerate it."));
        string sha = "";
        try
        {
            sha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
            value = SealedJson.Read<T>(path);
            return (new StoredFile(path, root, relative, sha), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (new StoredFile(path, root, relative, sha), new FileProblem(FileProblemKind.Unreadable, $"Results file {relative} cannot be read: {e.Message}"));
        }
        catch (ResultFileException e)
        {
            return (new StoredFile(path, root, relative, sha), new FileProblem(FileProblems.KindOf(e.Kind), e.Message.Replace(path, relative, StringComparison.Ordinal)));
        }
    }

    private static CheckedFile Problem(string root, string path, string sha, FileProblemKind kind, string message) =>
        new(new StoredFile(path, root, Relative(root, path), sha), new FileProblem(kind, message));

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');
}
