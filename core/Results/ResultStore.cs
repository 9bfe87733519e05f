using ReproSpecs.Harness.Records;

namespace ReproSpecs.Harness.Results;

/// <summary>
/// The results folder. Layout: <c>&lt;root&gt;/&lt;profile&gt;/&lt;model&gt;/&lt;activation&gt;/&lt;config-hash-12&gt;/</c>
/// holding <c>config.json</c>, one <c>trial-NN-iX-dY-oZ.json</c> per finished trial with its
/// <c>.last.f32</c> / <c>.best.f32</c> probabilities, and <c>cell.json</c>. A trial's JSON is written last,
/// so its presence means the trial finished; every file is written atomically and sealed.
/// </summary>
public sealed class ResultStore
{
    /// <summary>Opens (without creating) the store at <paramref name="root"/>.</summary>
    public ResultStore(string root) => Root = Path.GetFullPath(root);

    /// <summary>The store's folder.</summary>
    public string Root { get; }

    /// <summary>Folder under a results root that holds the stores of users' own corpora (never a profile name).</summary>
    public const string CorporaFolder = "corpora";

    /// <summary>
    /// The store for <paramref name="corpus"/> under the results root <paramref name="resultsRoot"/>: the root itself
    /// for Tiny Shakespeare, <c>corpora/&lt;name&gt;-&lt;sha-12&gt;/</c> below it for any other text, so that cells and
    /// hypothesis verdicts of different corpora never meet in one store (or one report).
    /// </summary>
    public static ResultStore For(string resultsRoot, Data.Corpus corpus)
    {
        if (corpus.IsTinyShakespeare) return new ResultStore(resultsRoot);
        string name = new(corpus.Name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_').ToArray());
        return new ResultStore(Path.Combine(resultsRoot, CorporaFolder, $"{name}-{corpus.Sha256[..12]}"));
    }

    /// <summary>The folder of a cell.</summary>
    public string CellDirectory(CellConfig cell) => Path.Combine(Root, cell.Profile, cell.Model, cell.Activation, cell.ShortHash);

    /// <summary>Path of <c>cell.json</c> (the study's arm) or <c>cell-&lt;arm&gt;.json</c> (a seed-ablation arm).</summary>
    public string CellPath(CellConfig cell, SeedArm arm = SeedArm.All) =>
        Path.Combine(CellDirectory(cell), StoreLayout.CellFileName(arm));

    /// <summary>Base name (no extension) of a trial's files.</summary>
    public static string TrialStem(int index, TrialSeeds seeds) => $"trial-{index:D2}-{seeds.Key}";

    /// <summary>Path of a trial's JSON.</summary>
    public string TrialPath(CellConfig cell, int index, TrialSeeds seeds) => Path.Combine(CellDirectory(cell), TrialStem(index, seeds) + ".json");

    /// <summary>Path of the lock file a process holds while it trains a trial.</summary>
    public string TrialLockPath(CellConfig cell, int index, TrialSeeds seeds) => Path.Combine(CellDirectory(cell), "." + TrialStem(index, seeds) + ".lock");

    /// <summary>
    /// Deletes temporary files left in a cell folder by writers that were killed mid-write. A temporary
    /// file's name carries its writer's process id; files of live processes are left alone, so a
    /// concurrent writer's rename never loses its source.
    /// </summary>
    public int RemoveOrphanedTempFiles(CellConfig cell)
    {
        string dir = CellDirectory(cell);
        if (!Directory.Exists(dir)) return 0;
        int removed = 0;
        foreach (var path in Directory.EnumerateFiles(dir, ".*.tmp"))
        {
            // Name: .<file>.<pid>.<guid>.tmp
            var parts = Path.GetFileName(path).Split('.');
            if (parts.Length < 4 || !int.TryParse(parts[^3], out int pid) || LiveProcess.IsAlive(pid)) continue;
            try { File.Delete(path); removed++; }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        return removed;
    }

    /// <summary>Path of a cell's <c>config.json</c>.</summary>
    public string ConfigPath(CellConfig cell) => Path.Combine(CellDirectory(cell), "config.json");

    /// <summary>
    /// Checks <c>config.json</c> (a human-readable key to the folder's hash) against its seal and the
    /// cell's config, writing it when it is missing and rewriting it when it is altered, corrupt or of
    /// another config. Writes nothing when it is intact.
    /// </summary>
    /// <returns>Null when the file was intact or missing; otherwise the problem found and repaired.</returns>
    /// <exception cref="ResultFileException">It had to be (re)written and cannot be.</exception>
    public string? EnsureConfig(CellConfig cell)
    {
        string path = ConfigPath(cell);
        string? problem = null;
        if (File.Exists(path))
        {
            try
            {
                var stored = SealedJson.Read<CellConfig>(path);
                if (stored.Hash == cell.Hash) return null;
                problem = $"{path} holds config {stored.ShortHash}, not this folder's {cell.ShortHash}";
            }
            catch (ResultFileException e) { problem = e.Message; }
        }
        try { SealedJson.Write(path, cell); }
        catch (ResultFileException e) when (problem is not null)
        {
            throw new ResultFileException(e.Kind, $"config.json must be rewritten ({problem}) but cannot be. {e.Message}", e);
        }
        return problem;
    }

    /// <summary>Persists a trained trial: probabilities first, then the JSON that commits it.</summary>
    public TrialRecord SaveTrial(CellConfig cell, TrainedTrial trial, int vocabSize)
    {
        var r = trial.Record;
        string stem = TrialStem(r.Index, r.Seeds), dir = CellDirectory(cell);
        Score? Save(Score? score, float[]? probs, string kind)
        {
            if (score is null || probs is null) return score;
            string file = $"{stem}.{kind}.f32";
            string sha = ProbabilityFile.Write(Path.Combine(dir, file), probs, vocabSize);
            return score with { ProbabilitiesFile = file, ProbabilitiesSha256 = sha };
        }
        var record = r with
        {
            Last = Save(r.Last, trial.LastProbabilities, "last"), Best = Save(r.Best, trial.BestProbabilities, "best"),
            AsCoded = Save(r.AsCoded, trial.AsCodedProbabilities, "ascoded"),
        };
        SealedJson.Write(TrialPath(cell, r.Index, r.Seeds), record);
        return record;
    }

    /// <summary>
    /// Loads a finished trial with its probabilities, or returns null with <paramref name="problem"/> set
    /// when it is absent (problem null) or unusable (corrupt, altered, other config or contexts).
    /// </summary>
    public TrainedTrial? TryLoadTrial(CellConfig cell, int index, TrialSeeds seeds, string evalFingerprint, string codeFingerprint, int rows, int vocabSize, out string? problem)
    {
        problem = null;
        string path = TrialPath(cell, index, seeds);
        if (!File.Exists(path)) return null;
        try
        {
            var record = SealedJson.Read<TrialRecord>(path);
            if (record.ConfigHash != cell.Hash) { problem = $"{path} was trained under another config"; return null; }
            if (record.Seeds != seeds || record.Index != index) { problem = $"{path} holds other seeds"; return null; }
            if (record.EvalFingerprint != evalFingerprint) { problem = $"{path} was scored on other contexts"; return null; }
            if (record.CodeFingerprint != codeFingerprint)
            {
                problem = $"{path} was computed by other code (fingerprint {record.CodeFingerprint ?? "none"}, this build {codeFingerprint})";
                return null;
            }
            float[]? Load(Score? s) => s is null ? null
                : ProbabilityFile.Read(Path.Combine(CellDirectory(cell), s.ProbabilitiesFile), s.ProbabilitiesSha256, rows, vocabSize);
            return new TrainedTrial(record, Load(record.Last), Load(record.Best), Load(record.AsCoded));
        }
        catch (ResultFileException e)
        {
            problem = e.Message;
            return null;
        }
    }

    /// <summary>Writes <c>cell.json</c>.</summary>
    public void SaveCell(CellRecord record) => SealedJson.Write(CellPath(record.Config, record.Arm), record);

    /// <summary>Path of a hypothesis family's verdicts.</summary>
    public string HypothesisPath(string profile, string family) => Path.Combine(Root, StoreLayout.HypothesisFile(profile, family));


    /// <summary>Every hypothesis file under the store (optionally of one profile).</summary>
    public IEnumerable<string> HypothesisFiles(string? profile = null) =>
        ProfileFolders(profile)
            .SelectMany(dir => Directory.EnumerateFiles(dir, "*.json", SearchOption.AllDirectories))
            .Where(p => Path.GetFileName(Path.GetDirectoryName(p)) == "hypotheses").Order(StringComparer.Ordinal);

    /// <summary>The profile folders of this store (not the stores of other corpora nested under <see cref="CorporaFolder"/>, nor shard manifests).</summary>
    private IEnumerable<string> ProfileFolders(string? profile)
    {
        if (profile is not null)
            return Directory.Exists(Path.Combine(Root, profile)) ? [Path.Combine(Root, profile)] : [];
        return Directory.Exists(Root)
            ? Directory.EnumerateDirectories(Root).Where(d => Path.GetFileName(d) is not (CorporaFolder or StoreLayout.ShardsFolder))
            : [];
    }

    /// <summary>Reads and verifies a <c>cell.json</c>.</summary>
    public static CellRecord LoadCell(string path) => SealedJson.Read<CellRecord>(path);

    /// <summary>Every <c>cell.json</c> under the store (optionally of one profile); with <paramref name="arms"/>, the ablation arms' files too.</summary>
    public IEnumerable<string> CellFiles(string? profile = null, bool arms = false) =>
        ProfileFolders(profile)
            .SelectMany(dir => Directory.EnumerateFiles(dir, arms ? "cell*.json" : "cell.json", SearchOption.AllDirectories))
            .Where(p => Path.GetFileName(p) is var n && (n == "cell.json" || n.StartsWith("cell-", StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal);
}
