using ReproSpecs.Harness.Results;

namespace ReproSpecs.Harness.Sharding;

/// <summary>
/// The shard stores a merge was given, checked to belong together: every store holds at least one manifest, every
/// manifest is of one plan, and the shards computed their trials with the same code, libtorch, device type, corpus and
/// evaluation contexts. Each check that fails is one error naming the stores and the fix.
/// </summary>
public sealed class ShardStoreSet
{
    private ShardStoreSet(IReadOnlyList<string> roots, IReadOnlyList<ShardStore> manifests)
    {
        Roots = roots;
        Manifests = manifests;
        Plan = manifests[0].Manifest.Plan;
    }

    /// <summary>The store folders, as given (absolute, duplicates dropped).</summary>
    public IReadOnlyList<string> Roots { get; }

    /// <summary>Every manifest found, store by store.</summary>
    public IReadOnlyList<ShardStore> Manifests { get; }

    /// <summary>The plan all the manifests share.</summary>
    public ShardPlan Plan { get; }

    /// <summary>The first manifest (the plan's profile and cells, as every manifest records them).</summary>
    public ShardManifest First => Manifests[0].Manifest;

    /// <summary>Reads and checks the manifests of <paramref name="roots"/>.</summary>
    /// <exception cref="ReproSpecsException">A store is missing or has no manifest, a manifest is unreadable, plans differ, or provenance is mixed.</exception>
    public static ShardStoreSet Load(IReadOnlyList<string> roots)
    {
        if (roots.Count == 0) throw new ConfigurationException("No shard store given. Fix: pass the results folder of every shard with --results DIR1 DIR2 ….");
        var full = roots.Select(r => System.IO.Path.GetFullPath(r)).Distinct(StringComparer.Ordinal).ToList();
        var found = new List<ShardStore>();
        foreach (var root in full)
        {
            if (!Directory.Exists(root))
                throw new ConfigurationException($"Shard store {root} does not exist. Fix: pass the folders the shards wrote with --results (each shard's `reprospecs run --shard i/n --results DIR`).");
            var paths = ShardManifests.Find(root);
            if (paths.Count == 0)
                throw new ConfigurationException($"{root} holds no shard manifest ({ShardManifests.Folder}/<plan>/shard-<i>-of-<n>.json), so it was not written by `reprospecs run --shard i/n`. " +
                                                 "Fix: pass only shard stores to merge (a store of an unsharded run is already complete: report it directly).");
            foreach (var path in paths)
            {
                ShardManifest manifest;
                try { manifest = ShardManifests.Read(path); }
                catch (ResultFileException e) { throw new ReproSpecsException($"Shard manifest {path} cannot be read: {e.Message}", e); }
                if (manifest.Plan.Hash != manifest.PlanHash)
                    throw new ReproSpecsException($"Shard manifest {path} records plan {manifest.PlanHash[..12]} but its cells make plan {manifest.Plan.ShortHash} (written by another version?). Fix: rerun that shard with this build.");
                found.Add(new ShardStore(root, path, manifest));
            }
        }
        var first = found[0];
        if (found.FirstOrDefault(s => s.Manifest.PlanHash != first.Manifest.PlanHash) is { } other)
            throw new ConfigurationException(
                $"The shards belong to different plans: {Describe(first)} in {first.Root} vs {Describe(other)} in {other.Root}. " +
                "A merge joins the shards of one run (same profile, grid, trials and shard count). Fix: pass only the stores of one plan, or give each plan its own merge.");
        foreach (var (field, _) in first.Manifest.Provenance.MustAgree)
        {
            string Value(ShardStore s) => s.Manifest.Provenance.MustAgree.First(p => p.Field == field).Value;
            if (found.FirstOrDefault(s => Value(s) != Value(first)) is { } mixed)
                throw new ConfigurationException(
                    $"The shards disagree on {field}: {Value(first)} (shard {first.Manifest.Index}, {first.Root}) vs {Value(mixed)} (shard {mixed.Manifest.Index}, {mixed.Root}); " +
                    "their trials are not one experiment and are never merged. Fix: rerun the odd shard with the same build, libtorch, device type and corpus as the others.");
        }
        return new ShardStoreSet(full, found);
    }

    private static string Describe(ShardStore s)
    {
        var m = s.Manifest;
        int models = m.Cells.Select(c => c.Config.Model).Distinct().Count(), activations = m.Cells.Select(c => c.Config.Activation).Distinct().Count();
        int trials = m.Cells.Count == 0 ? 0 : m.Cells.Max(c => c.Seeds.Count);
        return $"plan {m.PlanHash[..12]} ({m.Profile.Name}, {models} architecture(s) × {activations} activation(s), {trials} trials, {m.Count} shards)";
    }
}
