using System.Text.Json;
using ReproSpecs.Harness.Records;
using ReproSpecs.Harness.Results;

namespace ReproSpecs.Harness.Sharding;

/// <summary>
/// Gathers a plan's trial files from the shard stores into the merged store. Each trial must be found once; a copy in
/// a second store is accepted only when it holds the same trial: the same record apart from its timings and finish
/// time (which differ between two machines that compute identical numbers) and the same probability bytes. Anything
/// else is refused with the trial and both stores named, never resolved by picking one. Probability files are copied
/// before the trial's JSON, so the merged store, like every store, commits a trial by its JSON.
/// </summary>
public static class TrialCopier
{
    /// <summary>Copies every trial of <paramref name="set"/>'s plan into the store at <paramref name="mergedRoot"/>.</summary>
    /// <exception cref="ReproSpecsException">Two copies of a trial disagree, a trial file is unreadable, or the merged store holds a different trial.</exception>
    public static MergedTrials Copy(ShardStoreSet set, string mergedRoot)
    {
        var assignment = set.Plan.Assignment();
        var present = new List<TrialIdentity>();
        var missing = new List<(TrialIdentity, int)>();
        int duplicates = 0;
        var merged = new ResultStore(mergedRoot);
        foreach (var cell in set.Plan.Cells)
        foreach (var trial in cell.Trials)
        {
            var copies = set.Roots
                .Select(root => (Root: root, Store: new ResultStore(root)))
                .Where(s => File.Exists(s.Store.TrialPath(cell.Config, trial.Index, trial.Seeds)))
                .Select(s => Read(s.Store, cell.Config, trial, s.Root))
                .ToList();
            if (copies.Count == 0) { missing.Add((trial, assignment[trial])); continue; }
            var kept = copies[0];
            foreach (var copy in copies.Skip(1))
            {
                if (!kept.SameTrial(copy))
                    throw new ReproSpecsException(
                        $"{trial} is in {kept.Root} and in {copy.Root} with different {kept.Difference(copy)}; the same trial must compute the same numbers. " +
                        "Fix: find out which shard's machine or build differs, delete that copy's trial files and rerun its shard.");
                duplicates++;
            }
            Write(merged, cell.Config, trial, kept);
            present.Add(trial);
        }
        return new MergedTrials(present, missing, duplicates);
    }

    /// <summary>A trial's files as read from one store.</summary>
    private sealed record Found(string Root, TrialRecord Record, byte[] Json, IReadOnlyList<(string File, byte[] Bytes)> Probabilities)
    {
        /// <summary>The record without what legitimately differs between identical computations.</summary>
        public string Content => JsonSerializer.Serialize(Record with { Timing = new TrialTiming(0, 0, 0, 0, 0, 0), FinishedAt = default }, Records.Json.Options);

        public bool SameTrial(Found other) => Difference(other) is null;

        /// <summary>What differs ("record", "probabilities in X"), or null.</summary>
        public string? Difference(Found other)
        {
            if (Content != other.Content) return "records (losses, scores or seeds)";
            if (Probabilities.Count != other.Probabilities.Count) return "probability files";
            for (int i = 0; i < Probabilities.Count; i++)
                if (Probabilities[i].File != other.Probabilities[i].File || !Probabilities[i].Bytes.AsSpan().SequenceEqual(other.Probabilities[i].Bytes))
                    return $"probabilities ({Probabilities[i].File})";
            return null;
        }
    }

    private static Found Read(ResultStore store, CellConfig cell, TrialIdentity trial, string root)
    {
        string path = store.TrialPath(cell, trial.Index, trial.Seeds);
        try
        {
            byte[] json = File.ReadAllBytes(path);
            var record = SealedJson.Unseal<TrialRecord>(System.Text.Encoding.UTF8.GetString(json), path);
            var probabilities = record.Scores.Select(s => (s.ProbabilitiesFile, File.ReadAllBytes(Path.Combine(store.CellDirectory(cell), s.ProbabilitiesFile)))).ToList();
            return new Found(root, record, json, probabilities);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ResultFileException)
        {
            throw new ReproSpecsException($"{trial} in {root} cannot be read ({e.Message}). Fix: delete its trial files ({path} and its .f32 files) and rerun the shard that trains it.", e);
        }
    }

    private static void Write(ResultStore merged, CellConfig cell, TrialIdentity trial, Found copy)
    {
        string dir = merged.CellDirectory(cell), json = merged.TrialPath(cell, trial.Index, trial.Seeds);
        if (File.Exists(json))
        {
            var existing = Read(merged, cell, trial, merged.Root);
            if (existing.SameTrial(copy)) return; // an earlier merge of the same trial
            throw new ReproSpecsException($"The merged store {merged.Root} already holds {trial} with different {existing.Difference(copy)}. " +
                                          "Fix: merge into an empty folder (or the folder of an earlier merge of the same plan).");
        }
        Directory.CreateDirectory(dir);
        foreach (var (file, bytes) in copy.Probabilities) AtomicFile.WriteAllBytes(Path.Combine(dir, file), bytes);
        AtomicFile.WriteAllBytes(json, copy.Json);
    }
}
