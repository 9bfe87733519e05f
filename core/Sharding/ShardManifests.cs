using System.Globalization;
using ReproSpecs.Harness.Results;

namespace ReproSpecs.Harness.Sharding;

/// <summary>
/// Where a results store keeps its shard manifests (<c>&lt;store&gt;/shards/&lt;plan-hash-12&gt;/shard-&lt;i&gt;-of-&lt;n&gt;.json</c>),
/// and reading and writing them, sealed and atomic like every other results file.
/// </summary>
public static class ShardManifests
{
    /// <summary>The folder under a store's root that holds manifests (never read as a profile).</summary>
    public const string Folder = StoreLayout.ShardsFolder;

    /// <summary>Path of shard <paramref name="index"/> of <paramref name="count"/> of the plan <paramref name="planHash"/> in the store at <paramref name="root"/>.</summary>
    public static string PathOf(string root, string planHash, int index, int count) =>
        Path.Combine(root, Folder, planHash[..12], string.Create(CultureInfo.InvariantCulture, $"shard-{index}-of-{count}.json"));

    /// <summary>Writes <paramref name="manifest"/> into the store at <paramref name="root"/> (atomically; replaces an earlier one).</summary>
    public static string Write(string root, ShardManifest manifest)
    {
        string path = PathOf(root, manifest.PlanHash, manifest.Index, manifest.Count);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        SealedJson.Write(path, manifest);
        return path;
    }

    /// <summary>Every manifest file in the store at <paramref name="root"/>, in ordinal path order.</summary>
    public static IReadOnlyList<string> Find(string root)
    {
        string dir = Path.Combine(root, Folder);
        return Directory.Exists(dir)
            ? Directory.EnumerateFiles(dir, "shard-*-of-*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList()
            : [];
    }

    /// <summary>Reads and verifies a manifest.</summary>
    /// <exception cref="ResultFileException">Missing, corrupt or altered.</exception>
    public static ShardManifest Read(string path) => SealedJson.Read<ShardManifest>(path);
}
