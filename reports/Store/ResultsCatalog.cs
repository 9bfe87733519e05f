using System.Security.Cryptography;
using ReproSpecs.Harness;
using ReproSpecs.Harness.Results;

namespace ReproSpecs.Reports.Store;

/// <summary>
/// Everything the report reads from one or more results folders (e.g. one per CI shard): every
/// <c>cell.json</c>, hypothesis verdict and ablation file, each verified against its content hash.
/// A file that fails verification is kept with its problem so the report can flag it; the same cell
/// found in two different files is a <see cref="CellConflictException"/>, never an average.
/// </summary>
public sealed class ResultsCatalog
{
    private ResultsCatalog(IReadOnlyList<string> roots, IReadOnlyList<Loaded<CellRecord>> cells,
        IReadOnlyList<Loaded<HypothesisVerdict>> verdicts, IReadOnlyList<Loaded<AblationRecord>> ablations)
    {
        Roots = roots;
        Cells = cells;
        Verdicts = verdicts;
        Ablations = ablations;
    }

    /// <summary>The results folders, as absolute paths, in the order given.</summary>
    public IReadOnlyList<string> Roots { get; }

    /// <summary>Every cell file, in study order (profile, architecture, activation).</summary>
    public IReadOnlyList<Loaded<CellRecord>> Cells { get; }

    /// <summary>Every hypothesis verdict file.</summary>
    public IReadOnlyList<Loaded<HypothesisVerdict>> Verdicts { get; }

    /// <summary>Every ablation file.</summary>
    public IReadOnlyList<Loaded<AblationRecord>> Ablations { get; }

    /// <summary>The cells that verified.</summary>
    public IEnumerable<CellRecord> GoodCells => Cells.Where(c => c.Value is not null).Select(c => c.Value!);

    /// <summary>Every file that failed verification, of any kind.</summary>
    public IEnumerable<(StoredFile File, FileProblem Problem)> Problems =>
        Cells.Where(c => c.Problem is not null).Select(c => (c.File, c.Problem!))
            .Concat(Verdicts.Where(c => c.Problem is not null).Select(c => (c.File, c.Problem!)))
            .Concat(Ablations.Where(c => c.Problem is not null).Select(c => (c.File, c.Problem!)))
            .OrderBy(p => p.Item1.RelativePath, StringComparer.Ordinal);

    /// <summary>Reads the results folders.</summary>
    /// <param name="roots">Results folders (at least one).</param>
    /// <param name="profiles">Only these profiles (all when null or empty).</param>
    /// <exception cref="ReproSpecsException">A folder does not exist.</exception>
    /// <exception cref="CellConflictException">A cell, verdict or ablation was found in two different files.</exception>
    public static ResultsCatalog Load(IReadOnlyList<string> roots, IReadOnlyCollection<string>? profiles = null)
    {
        if (roots.Count == 0) throw new ReproSpecsException("No results folder given. Fix: pass --results DIR (or set REPROSPECS_RESULTS).");
        var full = roots.Select(r => Path.GetFullPath(r)).Distinct(StringComparer.Ordinal).ToList();
        foreach (var root in full)
            if (!Directory.Exists(root))
                throw new ReproSpecsException($"Results folder {root} does not exist. Fix: pass the folder the specs wrote to with --results (REPROSPECS_RESULTS chooses it when running the specs).");
        bool Wanted(string profile) => profiles is null || profiles.Count == 0 || profiles.Contains(profile, StringComparer.OrdinalIgnoreCase);

        var cells = new List<Loaded<CellRecord>>();
        var verdicts = new List<Loaded<HypothesisVerdict>>();
        var ablations = new List<Loaded<AblationRecord>>();
        foreach (var root in full)
        {
            foreach (var path in new ResultStore(root).CellFiles())
            {
                var cell = Read<CellRecord>(root, path, CellIdentity, PathIdentity);
                if (Wanted(cell.Value?.Config.Profile ?? FirstSegment(cell.File))) cells.Add(cell);
            }
            foreach (var profileDir in Directory.EnumerateDirectories(root).Order(StringComparer.Ordinal))
            {
                string profile = Path.GetFileName(profileDir);
                if (!Wanted(profile)) continue;
                verdicts.AddRange(SealedFiles(profileDir, HypothesisVerdict.FolderName).Select(p => Read<HypothesisVerdict>(root, p,
                    v => $"{v.Profile}/{v.Hypothesis}/{v.Architecture}/{v.Comparison}", PathIdentity)));
                ablations.AddRange(SealedFiles(profileDir, AblationRecord.FolderName).Select(p => Read<AblationRecord>(root, p,
                    a => $"{a.Profile}/{a.Model}/{a.Activation}", PathIdentity)));
            }
        }

        return new ResultsCatalog(full,
            Deduplicate(cells, "cell").OrderBy(c => c, CellOrder).ToList(),
            Deduplicate(verdicts, "hypothesis verdict").OrderBy(v => v.Identity, StringComparer.Ordinal).ToList(),
            Deduplicate(ablations, "ablation").OrderBy(a => a.Identity, StringComparer.Ordinal).ToList());
    }

    /// <summary>(profile, model, activation) of a cell file: from its record, else from its folder.</summary>
    public static (string Profile, string Model, string Activation) CellKey(Loaded<CellRecord> cell)
    {
        if (cell.Value is { } r) return (r.Config.Profile, r.Config.Model, r.Config.Activation);
        var parts = cell.File.RelativePath.Split('/');
        return parts.Length == 5 ? (parts[0], parts[1], parts[2]) : ("?", "?", cell.File.RelativePath);
    }

    private static readonly IComparer<Loaded<CellRecord>> CellOrder = Comparer<Loaded<CellRecord>>.Create((a, b) =>
    {
        var (ka, kb) = (CellKey(a), CellKey(b));
        int c = StudyOrder.Profiles.Compare(ka.Profile, kb.Profile);
        if (c == 0) c = StudyOrder.Models.Compare(ka.Model, kb.Model);
        if (c == 0) c = StudyOrder.Activations.Compare(ka.Activation, kb.Activation);
        return c != 0 ? c : string.CompareOrdinal(a.File.RelativePath, b.File.RelativePath);
    });

    private static string CellIdentity(CellRecord r) => $"{r.Config.Profile}/{r.Config.Model}/{r.Config.Activation}";

    /// <summary>For an unreadable file: the cell folder's path less the hash folder (so it still collides with its cell).</summary>
    private static string PathIdentity(StoredFile file)
    {
        var parts = file.RelativePath.Split('/');
        return parts.Length == 5 && parts[^1] == "cell.json" ? string.Join('/', parts[..3]) : file.RelativePath;
    }

    private static string FirstSegment(StoredFile file) => file.RelativePath.Split('/')[0];

    private static IEnumerable<string> SealedFiles(string profileDir, string folder)
    {
        string dir = Path.Combine(profileDir, folder);
        return Directory.Exists(dir) ? Directory.EnumerateFiles(dir, "*.json").Order(StringComparer.Ordinal) : [];
    }

    private static Loaded<T> Read<T>(string root, string path, Func<T, string> identity, Func<StoredFile, string> pathIdentity) where T : class
    {
        string relative = Path.GetRelativePath(root, path).Replace('\\', '/');
        byte[] bytes;
        try { bytes = File.ReadAllBytes(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var unreadable = new StoredFile(path, root, relative, "");
            return new(unreadable, pathIdentity(unreadable), null, new FileProblem(FileProblemKind.Unreadable, $"cannot be read: {e.Message}"));
        }
        var file = new StoredFile(path, root, relative, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        try
        {
            var value = SealedJson.Read<T>(path);
            return new(file, identity(value), value, null);
        }
        catch (ResultFileException e)
        {
            var kind = e.Message.Contains("was altered", StringComparison.Ordinal) ? FileProblemKind.Altered : FileProblemKind.Unreadable;
            return new(file, pathIdentity(file), null, new FileProblem(kind, e.Message.Replace(path, relative, StringComparison.Ordinal)));
        }
    }

    /// <summary>
    /// Keeps one file per identity. Byte-identical copies (a shard's artifact that also holds another's
    /// files) collapse to the first; different files for the same identity are an error.
    /// </summary>
    private static IEnumerable<Loaded<T>> Deduplicate<T>(List<Loaded<T>> files, string what) where T : class
    {
        foreach (var group in files.GroupBy(f => f.Identity, StringComparer.Ordinal))
        {
            var distinct = group.DistinctBy(f => f.File.Sha256).ToList();
            if (distinct.Count > 1) throw Conflict(group.Key, what, distinct);
            yield return distinct[0];
        }
    }

    private static CellConflictException Conflict<T>(string identity, string what, IReadOnlyList<Loaded<T>> files) where T : class
    {
        string Describe(Loaded<T> f)
        {
            string hash = f.Value is CellRecord r ? $"config {r.ConfigHash[..12]}" : f.Problem is not null ? $"{f.Problem.Kind.ToString().ToLowerInvariant()} file" : "content " + f.File.Sha256[..12];
            return $"{f.File.FullPath} ({hash})";
        }
        var hashes = files.Select(f => (f.Value as CellRecord)?.ConfigHash).Where(h => h is not null).Distinct().Count();
        string kind = hashes > 1 ? "with different config hashes" : "in two different files";
        return new CellConflictException(
            $"The {what} {identity} was found {kind}: {string.Join("; ", files.Select(Describe))}. " +
            "Results of different configs or runs are never combined. Fix: delete the stale folder, or report each run separately (one --results per run).");
    }
}
