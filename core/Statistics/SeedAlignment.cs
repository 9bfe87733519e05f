using ReproSpecs.Harness.Records;

namespace ReproSpecs.Harness.Statistics;

/// <summary>
/// Cells restricted to the seeds every one of them completed, in one common order. Comparisons are
/// paired by seed: trial k of every cell shares its initialisation, data order and dropout seeds, so a
/// seed is the unit the jackknife leaves out, from all cells at once. A seed that only some cells have
/// (a diverged trial elsewhere) is left out of the comparison and counted in <see cref="Dropped"/>.
/// </summary>
public sealed class SeedAlignment
{
    private readonly int[][] _trialOf;

    private SeedAlignment(IReadOnlyList<CellSample> cells, IReadOnlyList<TrialSeeds> seeds, int[][] trialOf, int dropped)
    {
        Cells = cells;
        Seeds = seeds;
        _trialOf = trialOf;
        Dropped = dropped;
    }

    /// <summary>The aligned cells, in the order given.</summary>
    public IReadOnlyList<CellSample> Cells { get; }

    /// <summary>The seeds common to all cells (in the first cell's order).</summary>
    public IReadOnlyList<TrialSeeds> Seeds { get; }

    /// <summary>Number of common seeds K (the jackknife's units).</summary>
    public int Units => Seeds.Count;

    /// <summary>Trials left out because their seed is missing from another cell (summed over cells).</summary>
    public int Dropped { get; }

    /// <summary>Aligns <paramref name="cells"/> on their common seeds.</summary>
    public static SeedAlignment Of(IReadOnlyList<CellSample> cells)
    {
        if (cells.Count == 0) throw new ArgumentException("nothing to align", nameof(cells));
        var common = cells[0].Seeds.Where(s => cells.All(c => c.Seeds.Contains(s))).ToList();
        var trialOf = cells.Select(c => common.Select(s => IndexOf(c.Seeds, s)).ToArray()).ToArray();
        int dropped = cells.Sum(c => c.Trials - common.Count);
        return new SeedAlignment(cells, common, trialOf, dropped);
    }

    /// <summary>Mean pairwise PD of cell <paramref name="cell"/> over the given units (indices into <see cref="Seeds"/>).</summary>
    public double MeanPairwisePd(int cell, IReadOnlyList<int> units) =>
        Cells[cell].MeanPairwisePd(units.Select(u => _trialOf[cell][u]).ToArray());

    /// <summary>Cell <paramref name="cell"/>'s trial index for unit <paramref name="unit"/>.</summary>
    public int TrialOf(int cell, int unit) => _trialOf[cell][unit];

    private static int IndexOf(IReadOnlyList<TrialSeeds> seeds, TrialSeeds seed)
    {
        for (int i = 0; i < seeds.Count; i++)
            if (seeds[i] == seed) return i;
        return -1;
    }
}
