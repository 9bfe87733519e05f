namespace ReproSpecs.Specs.Infrastructure;

/// <summary>
/// Which hypotheses this spec run decides, read from the test cases the runner was asked to run (after
/// <c>--filter</c>), before the first one starts: the architectures with a hypothesis spec (H1, H2, H4) in
/// the run, and whether H3 is in it. The hypothesis book decides the run's whole Holm family from this once,
/// instead of a family per architecture as each spec class happens to ask.
/// </summary>
/// <param name="Architectures">Architectures whose H1/H2/H4 specs run (registry names, as the <c>Arch</c> trait gives them).</param>
/// <param name="H3">Whether an H3 spec runs.</param>
public sealed record RunPlan(IReadOnlyList<string> Architectures, bool H3)
{
    private const string HypothesisTrait = "Hypothesis";
    private const string ArchitectureTrait = "Arch";

    /// <summary>The plan of the current run; null when the runner did not go through <see cref="PlanRecordingFramework"/>.</summary>
    public static RunPlan? Current { get; private set; }

    /// <summary>Builds the plan from the traits of every test case of the run.</summary>
    public static RunPlan FromTraits(IEnumerable<IReadOnlyDictionary<string, List<string>>> testCases)
    {
        var archs = new SortedSet<string>(StringComparer.Ordinal);
        bool h3 = false;
        foreach (var traits in testCases)
        {
            if (!traits.TryGetValue(HypothesisTrait, out var hypotheses)) continue;
            if (hypotheses.Contains("H3")) h3 = true;
            if (hypotheses.Any(h => h != "H3") && traits.TryGetValue(ArchitectureTrait, out var arch)) archs.UnionWith(arch);
        }
        return new RunPlan(archs.ToList(), h3);
    }

    /// <summary>Records the plan of the run about to start.</summary>
    internal static void Record(RunPlan plan) => Current = plan;
}
