using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ReproSpecs.Harness.Sharding;

/// <summary>
/// What a sharded run trains as a whole: the cells (config, arm, seeds) and the number of shards. Every shard of one
/// run computes the same plan, so its <see cref="Hash"/> tells a merge which manifests belong together.
/// </summary>
/// <param name="Profile">Profile name.</param>
/// <param name="Cells">The cell arms, each with its trials' seeds.</param>
/// <param name="Count">Shards.</param>
public sealed record ShardPlan(string Profile, IReadOnlyList<PlannedCell> Cells, int Count)
{
    /// <summary>Every trial of the plan, in cell order.</summary>
    public IReadOnlyList<TrialIdentity> Trials => Cells.SelectMany(c => c.Trials).ToList();

    /// <summary>
    /// SHA-256 (hex) of the profile, every trial's config hash, arm, index and seeds (sorted, so cell order does not
    /// matter) and the shard count: two runs with different grids, trials, seeds, settings or shard counts never share it.
    /// </summary>
    public string Hash
    {
        get
        {
            var text = new StringBuilder("reprospecs shard plan 1\n").Append("profile ").Append(Profile).Append('\n');
            foreach (var line in Trials.Select(t => $"{t.ConfigHash} {t.Key} {t.Seeds.Key}").Order(StringComparer.Ordinal))
                text.Append(line).Append('\n');
            text.Append("shards ").Append(Count.ToString(CultureInfo.InvariantCulture)).Append('\n');
            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
        }
    }

    /// <summary>The first 12 hex digits of <see cref="Hash"/> (the manifests' folder name).</summary>
    public string ShortHash => Hash[..12];

    /// <summary>The shard of each trial (<see cref="ShardAssignment"/>).</summary>
    public IReadOnlyDictionary<TrialIdentity, int> Assignment() => ShardAssignment.Assign(Trials, Count);

    /// <summary>The trials of shard <paramref name="index"/>, in plan order (the order it trains them).</summary>
    public IReadOnlyList<TrialIdentity> TrialsOf(int index)
    {
        var assignment = Assignment();
        return Trials.Where(t => assignment[t] == index).ToList();
    }

    /// <summary>Share of the plan's expected cost that shard <paramref name="index"/> holds (0 to 1).</summary>
    public double CostShare(int index)
    {
        var assignment = Assignment();
        double total = Trials.Sum(ShardAssignment.CostOf);
        return total == 0 ? 0 : Trials.Where(t => assignment[t] == index).Sum(ShardAssignment.CostOf) / total;
    }
}
