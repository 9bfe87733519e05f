namespace ReproSpecs.Harness.Design;

/// <summary>
/// What this process knows of architectures and activations beyond the study design: the registrations of a user's
/// plugin or options (<c>ReproSpecsOptions</c> in the harness fills it), so that code without TorchSharp — the report —
/// renders a user's cells with their own display names, formulas and families. The study design always wins on its
/// own names; a name registered twice keeps the last registration.
/// </summary>
public static class KnownNames
{
    private static readonly Dictionary<string, ArchitectureInfo> ArchitectureInfos = new(StringComparer.Ordinal);
    private static readonly Dictionary<string, ActivationInfo> ActivationInfos = new(StringComparer.Ordinal);

    /// <summary>Records what an architecture is.</summary>
    public static void Add(ArchitectureInfo info)
    {
        lock (ArchitectureInfos) ArchitectureInfos[info.Name] = info;
    }

    /// <summary>Records what an activation is.</summary>
    public static void Add(ActivationInfo info)
    {
        lock (ActivationInfos) ActivationInfos[info.Name] = info;
    }

    /// <summary>The architecture called <paramref name="name"/>: the study's, else a registered one, else null.</summary>
    public static ArchitectureInfo? Architecture(string name)
    {
        if (StudyDesign.Study.Architecture(name) is { } study) return study;
        lock (ArchitectureInfos) return ArchitectureInfos.GetValueOrDefault(name);
    }

    /// <summary>The activation called <paramref name="name"/>: the study's, else a registered one, else null.</summary>
    public static ActivationInfo? Activation(string name)
    {
        if (StudyDesign.Study.Activation(name) is { } study) return study;
        lock (ActivationInfos) return ActivationInfos.GetValueOrDefault(name);
    }
}
