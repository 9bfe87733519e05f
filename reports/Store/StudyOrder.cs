using ReproSpecs.Harness.Activations;
using ReproSpecs.Harness.Models;
using ReproSpecs.Harness.Training;

namespace ReproSpecs.Reports.Store;

/// <summary>
/// The one ordering of profiles, architectures and activations every table and figure uses, so that
/// a report is stable whatever order files were found in: the study's order first, then by name.
/// </summary>
public static class StudyOrder
{
    /// <summary>The study's architectures in the order DESIGN.md lists them (registered or not yet).</summary>
    public static readonly IReadOnlyList<string> Architectures = ["charlm", "tinylstm", "minigpt", "convlm", "hybridlm", "nanotransformer"];

    /// <summary>Orders profile names: built-in profiles smallest first, then others by name.</summary>
    public static readonly IComparer<string> Profiles = Ranked(Harness.Training.Profiles.All.Select(p => p.Name).ToList());

    /// <summary>Orders architecture names: the study's, then other registered ones, then by name.</summary>
    public static readonly IComparer<string> Models = Ranked(Architectures.Concat(ModelRegistry.Names).Distinct().ToList());

    /// <summary>Orders activation names: the study's grid, then by name.</summary>
    public static readonly IComparer<string> Activations = Ranked(ActivationRegistry.StudyGrid);

    /// <summary>Orders ablation arms as <see cref="AblationRecord.ArmOrder"/>, then by name.</summary>
    public static readonly IComparer<string> Arms = Ranked(AblationRecord.ArmOrder);

    /// <summary>Orders hypothesis ids H1, H2, … numerically, then by name.</summary>
    public static readonly IComparer<string> Hypotheses = Comparer<string>.Create((a, b) =>
    {
        int c = HypothesisNumber(a).CompareTo(HypothesisNumber(b));
        return c != 0 ? c : string.CompareOrdinal(a, b);
    });

    /// <summary>The display name of an architecture (<c>CharLM</c>), or the name itself when it is not registered.</summary>
    public static string ModelDisplayName(string model) =>
        ModelRegistry.Names.Contains(model) ? ModelRegistry.Get(model).DisplayName : model;

    /// <summary>The registry entry of an activation, or null when this build does not know it.</summary>
    public static ActivationSpec? Activation(string name) => ActivationRegistry.Contains(name) ? ActivationRegistry.Get(name) : null;

    private static int HypothesisNumber(string id) =>
        id.Length > 1 && (id[0] is 'H' or 'h') && int.TryParse(id.AsSpan(1), out int n) ? n : int.MaxValue;

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
