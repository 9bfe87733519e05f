using ReproSpecs.Harness.Records;

namespace ReproSpecs.Harness.Results;

/// <summary>
/// How a results store names its files, in one place for the writer (<see cref="ResultStore"/>) and every reader (the
/// report, a merge): <c>&lt;profile&gt;/&lt;model&gt;/&lt;activation&gt;/&lt;config-hash-12&gt;/cell[-&lt;arm&gt;].json</c> and
/// <c>&lt;profile&gt;/hypotheses/&lt;family&gt;.json</c>, paths relative to the store's root with <c>/</c> separators.
/// </summary>
public static class StoreLayout
{
    /// <summary>Folder under a store's root holding the manifests of sharded runs (<c>shards/&lt;plan&gt;/shard-i-of-n.json</c>); never a profile.</summary>
    public const string ShardsFolder = "shards";

    /// <summary>Folder of a profile's hypothesis verdict files.</summary>
    public const string HypothesesFolder = "hypotheses";

    /// <summary>File name of a cell's record for <paramref name="arm"/>: <c>cell.json</c> for the study's arm, <c>cell-&lt;arm&gt;.json</c> otherwise.</summary>
    public static string CellFileName(SeedArm arm) => arm == SeedArm.All ? "cell.json" : $"cell-{SeedArms.Name(arm)}.json";

    /// <summary>The arm a cell file name stands for, or null for a name the store never writes.</summary>
    public static SeedArm? ArmOfCellFile(string fileName)
    {
        foreach (var arm in SeedArms.All)
            if (string.Equals(CellFileName(arm), fileName, StringComparison.Ordinal)) return arm;
        return null;
    }

    /// <summary>(profile, model, activation, short hash) of a cell file's relative path, or null when the path is not where the store puts a cell file.</summary>
    public static (string Profile, string Model, string Activation, string ShortHash)? CellKeyOf(string relativePath)
    {
        var parts = relativePath.Split('/');
        return parts.Length == 5 && ArmOfCellFile(parts[4]) is not null ? (parts[0], parts[1], parts[2], parts[3]) : null;
    }

    /// <summary>Relative path of a hypothesis family's file.</summary>
    public static string HypothesisFile(string profile, string family) => $"{profile}/{HypothesesFolder}/{family}.json";

    /// <summary>(profile, family) of a hypothesis file's relative path, or null when it is not where the store puts one.</summary>
    public static (string Profile, string Family)? FamilyKeyOf(string relativePath)
    {
        var parts = relativePath.Split('/');
        return parts.Length == 3 && parts[1] == HypothesesFolder && parts[2].EndsWith(".json", StringComparison.Ordinal)
            ? (parts[0], parts[2][..^".json".Length]) : null;
    }

    /// <summary>The profile a stored file belongs to (its first path segment).</summary>
    public static string ProfileOf(string relativePath) => relativePath.Split('/')[0];
}
