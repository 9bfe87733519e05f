using ReproSpecs.Harness.Records;
using ReproSpecs.Harness.Results;

namespace ReproSpecs.Reports.Store;

/// <summary>
/// The names <see cref="ResultStore.CellPath"/> gives a cell folder's summary files: <c>cell.json</c> for the
/// study's arm (every seed source varies), <c>cell-&lt;arm&gt;.json</c> for a seed-ablation arm
/// (<see cref="SeedArms.Name"/>: init, data, dropout, same), side by side in one cell folder.
/// (A test checks these names against <see cref="ResultStore.CellPath"/>.)
/// </summary>
public static class CellFileName
{
    /// <summary>The file name of <paramref name="arm"/>'s summary.</summary>
    public static string Of(SeedArm arm) => arm == SeedArm.All ? "cell.json" : $"cell-{SeedArms.Name(arm)}.json";

    /// <summary>The arm a file name belongs to, or null when the harness never writes that name.</summary>
    public static SeedArm? ArmOf(string fileName)
    {
        foreach (var arm in SeedArms.All)
            if (string.Equals(Of(arm), fileName, StringComparison.Ordinal)) return arm;
        return null;
    }
}
