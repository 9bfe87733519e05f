using System.Security.Cryptography;
using ReproSpecs.Harness;
using ReproSpecs.Harness.Records;
using ReproSpecs.Harness.Results;
using ReproSpecs.Harness.Statistics;

namespace ReproSpecs.Reports.Store;

/// <summary>
/// Everything the report reads from one or more results folders (e.g. one per CI shard): every cell file
/// (the study's <c>cell.json</c> and the seed-ablation arms' <c>cell-&lt;arm&gt;.json</c>) and every hypothesis
/// family file, each verified against its content hash. A file that fails verification is kept with its
/// problem so the report can flag it; the same cell (of the same arm) or family found in two different
/// files is a <see cref="CellConflictException"/>, never an average.
/// </summary>
public sealed class ResultsCatalog
{
    private ResultsCatalog(IReadOnlyList<string> roots, IReadOnlyList<Loaded<CellRecord>> cells,
        IReadOnlyList<Loaded<CellRecord>> armCells, IReadOnlyList<Loaded<HypothesisReport>> hypotheses, IReadOnlyList<CheckedFile> supporting)
    {
        SupportingFiles = supporting;
        Roots = roots;
        Cells = cells;
        ArmCells = armCells;
        Hypotheses = hypotheses;
    }

    /// <summary>The results folders, as absolute paths, in the order given.</summary>
    public IReadOnlyList<string> Roots { get; }

    /// <summary>Every study cell (<c>cell.json</c>, arm <see cref="SeedArm.All"/>), in study order (profile, architecture, activation).</summary>
    public IReadOnlyList<Loaded<CellRecord>> Cells { get; }

    /// <summary>Every seed-ablation arm file (<c>cell-&lt;arm&gt;.json</c>), in study order, then arm order.</summary>
    public IReadOnlyList<Loaded<CellRecord>> ArmCells { get; }

    /// <summary>Every hypothesis family file, by profile, then family (architectures in study order, then H3).</summary>
    public IReadOnlyList<Loaded<HypothesisReport>> Hypotheses { get; }

    /// <summary>
    /// The files the cells rest on, each verified (<see cref="CellFolderCheck"/>): <c>config.json</c>, trial
    /// JSONs and probabilities files. A cell's numbers come from its own sealed cell file, so a bad
    /// supporting file is flagged without hiding the cell.
    /// </summary>
    public IReadOnlyList<CheckedFile> SupportingFiles { get; }

    /// <summary>The study cells that verified.</summary>
    public IEnumerable<CellRecord> GoodCells => Cells.Where(c => c.Value is not null).Select(c => c.Value!);

    /// <summary>The ablation arm files that verified.</summary>
    public IEnumerable<CellRecord> GoodArmCells => ArmCells.Where(c => c.Value is not null).Select(c => c.Value!);

    /// <summary>The hypothesis family files that verified.</summary>
    public IEnumerable<Loaded<HypothesisReport>> GoodHypotheses => Hypotheses.Where(h => h.Value is not null);

    /// <summary>How many results files were read, of every kind.</summary>
    public int FileCount => Cells.Count + ArmCells.Count + Hypotheses.Count + SupportingFiles.Count;

    /// <summary>Every file that failed verification, of any kind.</summary>
    public IEnumerable<(StoredFile File, FileProblem Problem)> Problems =>
        Cells.Concat(ArmCells).Where(c => c.Problem is not null).Select(c => (c.File, c.Problem!))
            .Concat(Hypotheses.Where(c => c.Problem is not null).Select(c => (c.File, c.Problem!)))
            .Concat(SupportingFiles.Where(c => c.Problem is not null).Select(c => (c.File, c.Problem!)))
            .OrderBy(p => p.Item1.RelativePath, StringComparer.Ordinal);

    /// <summary>Reads the results folders.</summary>
    /// <param name="roots">Results folders (at least one).</param>
    /// <param name="profiles">Only these profiles (all when null or empty).</param>
    /// <exception cref="ReproSpecsException">A folder does not exist.</exception>
    /// <exception cref="CellConflictException">A cell (of one arm) or a hypothesis family was found in two different files.</exception>
    public static ResultsCatalog Load(IReadOnlyList<string> roots, IReadOnlyCollection<string>? profiles = null)
    {
        if (roots.Count == 0) throw new ReproSpecsException("No results folder given. Fix: pass --results DIR (or set REPROSPECS_RESULTS).");
        var full = roots.Select(r => Path.GetFullPath(r)).Distinct(StringComparer.Ordinal).ToList();
        foreach (var root in full)
            if (!Directory.Exists(root))
                throw new ReproSpecsException($"Results folder {root} does not exist. Fix: pass the folder the specs wrote to with --results (REPROSPECS_RESULTS chooses it when running the specs).");
        bool Wanted(string profile) => profiles is null || profiles.Count == 0 || profiles.Contains(profile, StringComparer.OrdinalIgnoreCase);

        var cells = new List<Loaded<CellRecord>>();
        var hypotheses = new List<Loaded<HypothesisReport>>();
        var supporting = new List<CheckedFile>();
        foreach (var root in full)
        {
            var store = new ResultStore(root);
            foreach (var path in store.CellFiles(arms: true))
            {
                var cell = Read<CellRecord>(root, path, CellIdentity, CellPathIdentity, ArmMatchesFileName);
                if (!Wanted(cell.Value?.Config.Profile ?? FirstSegment(cell.File))) continue;
                cells.Add(cell);
                // Every verified cell file, the seed-ablation arms' too: an arm lists trials of its own (and may be alone in its folder).
                if (cell.Value is { } record) supporting.AddRange(CellFolderCheck.Check(root, path, record));
            }
            foreach (var path in store.HypothesisFiles())
            {
                var family = Read<HypothesisReport>(root, path, h => $"{h.Profile}/{h.Family}", FamilyPathIdentity, FamilyMatchesFileName);
                if (Wanted(family.Value?.Profile ?? FirstSegment(family.File))) hypotheses.Add(family);
            }
        }

        var unique = Deduplicate(cells, "cell").OrderBy(c => c, CellOrder).ToList();
        return new ResultsCatalog(full,
            unique.Where(c => CellArm(c) == SeedArm.All).ToList(),
            unique.Where(c => CellArm(c) != SeedArm.All).ToList(),
            Deduplicate(hypotheses, "hypothesis family").OrderBy(h => h, FamilyOrder).ToList(),
            // A trial file shared by a cell and its arms is checked once per cell file; a problem any of them found wins.
            supporting.GroupBy(f => f.File.FullPath, StringComparer.Ordinal).Select(g => g.FirstOrDefault(f => f.Problem is not null) ?? g.First()).ToList());
    }

    /// <summary>(profile, model, activation) of a cell file: from its record, else from its folder.</summary>
    public static (string Profile, string Model, string Activation) CellKey(Loaded<CellRecord> cell)
    {
        if (cell.Value is { } r) return (r.Config.Profile, r.Config.Model, r.Config.Activation);
        return StoreLayout.CellKeyOf(cell.File.RelativePath) is { } key ? (key.Profile, key.Model, key.Activation) : ("?", "?", cell.File.RelativePath);
    }

    /// <summary>
    /// The seed arm of a cell file: from its record, else from its file name; null for a file whose name the
    /// harness never writes (such a file is listed as a problem, never read as a cell).
    /// </summary>
    public static SeedArm? CellArm(Loaded<CellRecord> cell) => cell.Value?.Arm ?? StoreLayout.ArmOfCellFile(Path.GetFileName(cell.File.RelativePath));

    /// <summary>The hypothesis family of a family file: from its record, else from its file name.</summary>
    public static (string Profile, string Family) FamilyKey(Loaded<HypothesisReport> family) =>
        family.Value is { } h ? (h.Profile, h.Family) : (FirstSegment(family.File), Path.GetFileNameWithoutExtension(family.File.RelativePath));

    private static readonly IComparer<Loaded<CellRecord>> CellOrder = Comparer<Loaded<CellRecord>>.Create((a, b) =>
    {
        var (ka, kb) = (CellKey(a), CellKey(b));
        int c = StudyOrder.Profiles.Compare(ka.Profile, kb.Profile);
        if (c == 0) c = StudyOrder.Models.Compare(ka.Model, kb.Model);
        if (c == 0) c = StudyOrder.Activations.Compare(ka.Activation, kb.Activation);
        if (c == 0) c = ArmRank(CellArm(a)).CompareTo(ArmRank(CellArm(b)));
        return c != 0 ? c : string.CompareOrdinal(a.File.RelativePath, b.File.RelativePath);
    });

    private static int ArmRank(SeedArm? arm) => arm is { } a ? StudyOrder.Arms.ToList().IndexOf(a) : int.MaxValue;

    private static readonly IComparer<Loaded<HypothesisReport>> FamilyOrder = Comparer<Loaded<HypothesisReport>>.Create((a, b) =>
    {
        var (ka, kb) = (FamilyKey(a), FamilyKey(b));
        int c = StudyOrder.Profiles.Compare(ka.Profile, kb.Profile);
        if (c == 0) c = StudyOrder.Families.Compare(ka.Family, kb.Family);
        return c != 0 ? c : string.CompareOrdinal(a.File.RelativePath, b.File.RelativePath);
    });

    /// <summary>A study cell is <c>profile/model/activation</c>; an ablation arm adds its arm, so each arm is deduplicated (and conflicts) on its own.</summary>
    private static string CellIdentity(CellRecord r) => ArmIdentity($"{r.Config.Profile}/{r.Config.Model}/{r.Config.Activation}", r.Arm);

    private static string ArmIdentity(string cell, SeedArm arm) => arm == SeedArm.All ? cell : $"{cell} (seed arm {SeedArms.Name(arm)})";

    /// <summary>For an unreadable cell file: the cell folder's path less the hash folder, plus its arm (so it still collides with its cell).</summary>
    private static string CellPathIdentity(StoredFile file)
    {
        return StoreLayout.CellKeyOf(file.RelativePath) is { } key && StoreLayout.ArmOfCellFile(Path.GetFileName(file.RelativePath)) is { } arm
            ? ArmIdentity($"{key.Profile}/{key.Model}/{key.Activation}", arm) : file.RelativePath;
    }

    /// <summary>For an unreadable family file: <c>profile/family</c> from its path <c>&lt;profile&gt;/hypotheses/&lt;family&gt;.json</c>.</summary>
    private static string FamilyPathIdentity(StoredFile file)
    {
        return StoreLayout.FamilyKeyOf(file.RelativePath) is { } key ? $"{key.Profile}/{key.Family}" : file.RelativePath;
    }

    /// <summary>A cell file must hold the arm its name says: a <c>cell-init.json</c> holding another arm would be shown as the wrong arm.</summary>
    private static string? ArmMatchesFileName(CellRecord r, StoredFile file)
    {
        string name = Path.GetFileName(file.RelativePath);
        return StoreLayout.ArmOfCellFile(name) is { } arm
            ? arm == r.Arm ? null : $"Results file {file.RelativePath} holds seed arm {SeedArms.Name(r.Arm)} but is named for arm {SeedArms.Name(arm)}; the harness names it {StoreLayout.CellFileName(r.Arm)}."
            : $"Results file {file.RelativePath} is not a name the harness gives a cell file (cell.json, or cell-<arm>.json with arm {string.Join(", ", SeedArms.All.Where(a => a != SeedArm.All).Select(SeedArms.Name))}).";
    }

    /// <summary>A family file must sit where <see cref="ResultStore.HypothesisPath"/> puts it, so two copies of one family always meet.</summary>
    private static string? FamilyMatchesFileName(HypothesisReport h, StoredFile file) =>
        FamilyPathIdentity(file) == $"{h.Profile}/{h.Family}"
            ? null
            : $"Results file {file.RelativePath} holds hypothesis family {h.Family} of profile {h.Profile}, which the harness writes to {StoreLayout.HypothesisFile(h.Profile, h.Family)}.";

    private static string FirstSegment(StoredFile file) => StoreLayout.ProfileOf(file.RelativePath);

    private static Loaded<T> Read<T>(string root, string path, Func<T, string> identity, Func<StoredFile, string> pathIdentity, Func<T, StoredFile, string?> check) where T : class
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
            return check(value, file) is { } misplaced
                ? new(file, pathIdentity(file), null, new FileProblem(FileProblemKind.Unreadable, misplaced))
                : new(file, identity(value), value, null);
        }
        catch (ResultFileException e)
        {
            var kind = FileProblems.KindOf(e.Kind);
            return new(file, pathIdentity(file), null, new FileProblem(kind, e.Message.Replace(path, relative, StringComparison.Ordinal)));
        }
    }

    /// <summary>
    /// Keeps one file per identity. Byte-identical copies (a shard's artifact that also holds another's

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
            string hash = f.Value is CellRecord r ? $"config {ShortHashes.Of(r.ConfigHash)}" : f.Problem is not null ? $"{f.Problem.Kind.ToString().ToLowerInvariant()} file" : "content " + ShortHashes.Of(f.File.Sha256);
            return $"{f.File.FullPath} ({hash})";
        }
        var hashes = files.Select(f => (f.Value as CellRecord)?.ConfigHash).Where(h => h is not null).Distinct().Count();
        string kind = hashes > 1 ? "with different config hashes" : "in two different files";
        return new CellConflictException(
            $"The {what} {identity} was found {kind}: {string.Join("; ", files.Select(Describe))}. " +
            "Results of different configs or runs are never combined. Fix: delete the stale folder, or report each run separately (one --results per run).");
    }
}
