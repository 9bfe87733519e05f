using ReproSpecs.Harness.Design;
using ReproSpecs.Harness.Records;

namespace ReproSpecs.Reports.Store;

/// <summary>
/// The order (and display names) in which the report lists profiles, architectures, activations, arms and
/// hypotheses: the study design's order first (<see cref="StudyDesign.Study"/>), then anything else by name. Names and
/// flags of cells outside the design come from what the cells recorded (<see cref="CellRecord.ActivationInfo"/>), else
/// from a plugin's registrations (<see cref="KnownNames"/>, filled by <c>reprospecs report --plugin</c>), never from a
/// torch registry: rendering a report needs no TorchSharp.
/// </summary>
public static class StudyOrder
{
    /// <summary>The design whose order the report follows.</summary>
    public static StudyDesign Design => StudyDesign.Study;

    /// <summary>The study's architectures, in its order.</summary>
    public static IReadOnlyList<string> Architectures => Design.ArchitectureNames;

    /// <summary>Profiles: smoke, cpu, lite, partial, full, then others.</summary>
    public static readonly IComparer<string> Profiles = Ranked(Harness.Records.Profiles.All.Select(p => p.Name).ToList());

    /// <summary>Architectures: the design's, then others.</summary>
    public static readonly IComparer<string> Models = Ranked(Design.ArchitectureNames);

    /// <summary>Activations: the design's, then others.</summary>
    public static readonly IComparer<string> Activations = Ranked(Design.ActivationNames);

    /// <summary>Seed-ablation arms in the order of the ablation table.</summary>
    public static readonly IReadOnlyList<SeedArm> Arms = [SeedArm.InitOnly, SeedArm.DataOnly, SeedArm.DropoutOnly, SeedArm.All, SeedArm.SameSeed];

    /// <summary>Hypothesis ids by their number (H1 … H4), then by name.</summary>
    public static readonly IComparer<string> Hypotheses = Comparer<string>.Create((a, b) => HypothesisNumber(a).CompareTo(HypothesisNumber(b)));

    /// <summary>Hypothesis families: architectures first (in model order), then cross-architecture families (H3).</summary>
    public static readonly IComparer<string> Families = Comparer<string>.Create((a, b) =>
    {
        bool ha = HypothesisNumber(a) != int.MaxValue, hb = HypothesisNumber(b) != int.MaxValue;
        return ha != hb ? ha.CompareTo(hb) : ha ? Hypotheses.Compare(a, b) : Models.Compare(a, b);
    });

    /// <summary>The display name of an architecture: the design's, else the one its cells recorded or a plugin registered, else the registry key.</summary>
    public static string ModelDisplayName(string model) => KnownNames.Architecture(model)?.DisplayName ?? model;

    /// <summary>What an activation is: as the cells recorded it, else as the design declares it or a plugin registered it, else null.</summary>
    public static ActivationInfo? Activation(string name, IEnumerable<CellRecord> cells) =>
        cells.Select(c => c.ActivationInfo).FirstOrDefault(i => i?.Name == name) ?? KnownNames.Activation(name);

    /// <summary>What an architecture is: as the cells recorded it, else as the design declares it or a plugin registered it, else null.</summary>
    public static ArchitectureInfo? Architecture(string name, IEnumerable<CellRecord> cells) =>
        cells.Select(c => c.ArchitectureInfo).FirstOrDefault(i => i?.Name == name) ?? KnownNames.Architecture(name);

    /// <summary>
    /// Takes in what <paramref name="cells"/> recorded of architectures and activations outside the design, so that places
    /// that name a model by its key alone (headings, legends, hypotheses) show the display name the cell ran with.
    /// </summary>
    public static void Learn(IEnumerable<CellRecord> cells)
    {
        foreach (var cell in cells)
        {
            if (cell.ArchitectureInfo is { } architecture && Design.Architecture(architecture.Name) is null) KnownNames.Add(architecture);
            if (cell.ActivationInfo is { } activation && Design.Activation(activation.Name) is null) KnownNames.Add(activation);
        }
    }

    private static int HypothesisNumber(string id)
    {
        var name = id.AsSpan(id.LastIndexOf('/') + 1);
        int bracket = name.IndexOf('[');
        if (bracket >= 0) name = name[..bracket];
        return name.Length > 1 && (name[0] is 'H' or 'h') && int.TryParse(name[1..], out int n) ? n : int.MaxValue;
    }

    private static IComparer<string> Ranked(IReadOnlyList<string> known) => Comparer<string>.Create((a, b) =>
    {
        int ra = Rank(known, a), rb = Rank(known, b);
        return ra != rb ? ra.CompareTo(rb) : string.CompareOrdinal(a, b);
    });

    private static int Rank(IReadOnlyList<string> known, string name)
    {
        for (int i = 0; i < known.Count; i++)
            if (string.Equals(known[i], name, StringComparison.OrdinalIgnoreCase)) return i;
        return int.MaxValue;
    }
}
