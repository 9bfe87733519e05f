using ReproSpecs.Harness.Design;
using ReproSpecs.Harness.Activations;
using ReproSpecs.Harness.Models;
using ReproSpecs.Harness.Records;
using ReproSpecs.Harness.Training;

namespace ReproSpecs.Reports.Store;

/// <summary>
/// The one ordering of profiles, architectures and activations every table and figure uses, so that
/// a report is stable whatever order files were found in: the study's order first, then by name.
/// </summary>
public static class StudyOrder
{
    /// <summary>The study's six architectures in the order DESIGN.md lists them, whether this build registers them or not.</summary>
    public static readonly IReadOnlyList<string> StudyArchitectures = ["charlm", "tinylstm", "minigpt", "convlm", "hybridlm", "nanotransformer"];

    /// <summary>
    /// The architectures in study order: the registry's names (its registration order is the study's) once it
    /// holds all six, else <see cref="StudyArchitectures"/>, so a report of a build that registers only some of
    /// them still orders (and colours) every architecture the results hold the same way.
    /// </summary>
    public static IReadOnlyList<string> Architectures
    {
        get
        {
            var registered = ModelRegistry.Names;
            return StudyArchitectures.All(registered.Contains) ? registered : StudyArchitectures;
        }
    }

    /// <summary>Orders profile names: built-in profiles smallest first, then others by name.</summary>
    public static readonly IComparer<string> Profiles = Ranked(Harness.Records.Profiles.All.Select(p => p.Name).ToList());

    /// <summary>Orders architecture names: the study's, then other registered ones, then by name.</summary>
    public static readonly IComparer<string> Models = Ranked(() => Architectures.Concat(ModelRegistry.Names).Distinct().ToList());

    /// <summary>Orders activation names: the study's grid, then by name.</summary>
    public static readonly IComparer<string> Activations = Ranked(StudyDesign.Study.ActivationNames);

    /// <summary>
    /// The seed-ablation arms in the order the report shows them: one source varied at a time (init, data,
    /// dropout), then every source (the study's cells), then none (the noise floor).
    /// </summary>
    public static readonly IReadOnlyList<SeedArm> Arms = [SeedArm.InitOnly, SeedArm.DataOnly, SeedArm.DropoutOnly, SeedArm.All, SeedArm.SameSeed];

    /// <summary>
    /// Orders hypothesis ids by their number (H1 before H2, whatever the prefix: <c>charlm/H4[loss]</c> after
    /// <c>charlm/H2</c>); ids of equal number keep their order (sort with a stable sort).
    /// </summary>
    public static readonly IComparer<string> Hypotheses = Comparer<string>.Create((a, b) => HypothesisNumber(a).CompareTo(HypothesisNumber(b)));

    /// <summary>Orders hypothesis-family names: architecture families in study order, then cross-architecture ones (<c>H3</c>).</summary>
    public static readonly IComparer<string> Families = Comparer<string>.Create((a, b) =>
    {
        bool ha = HypothesisNumber(a) != int.MaxValue, hb = HypothesisNumber(b) != int.MaxValue;
        return ha != hb ? ha.CompareTo(hb) : ha ? Hypotheses.Compare(a, b) : Models.Compare(a, b);
    });

    /// <summary>The display name of an architecture (<c>CharLM</c>), or the name itself when it is not registered.</summary>
    public static string ModelDisplayName(string model) =>
        ModelRegistry.Names.Contains(model) ? ModelRegistry.Get(model).DisplayName : model;

    /// <summary>The registry entry of an activation, or null when this build does not know it.</summary>
    public static ActivationSpec? Activation(string name) => ActivationRegistry.Contains(name) ? ActivationRegistry.Get(name) : null;

    /// <summary>The number of a hypothesis id (<c>charlm/H1[gelu]</c> → 1, <c>H3</c> → 3), or int.MaxValue.</summary>
    private static int HypothesisNumber(string id)
    {
        var name = id.AsSpan(id.LastIndexOf('/') + 1);
        int bracket = name.IndexOf('[');
        if (bracket >= 0) name = name[..bracket];
        return name.Length > 1 && (name[0] is 'H' or 'h') && int.TryParse(name[1..], out int n) ? n : int.MaxValue;
    }

    private static IComparer<string> Ranked(IReadOnlyList<string> known) => Ranked(() => known);

    // The list is read at each comparison: models may register after this class is initialised.
    private static IComparer<string> Ranked(Func<IReadOnlyList<string>> known) => Comparer<string>.Create((a, b) =>
    {
        var list = known();
        int ra = Rank(list, a), rb = Rank(list, b);
        return ra != rb ? ra.CompareTo(rb) : string.CompareOrdinal(a, b);
    });

    private static int Rank(IReadOnlyList<string> known, string name)
    {
        for (int i = 0; i < known.Count; i++)
            if (string.Equals(known[i], name, StringComparison.OrdinalIgnoreCase)) return i;
        return int.MaxValue;
    }
}
