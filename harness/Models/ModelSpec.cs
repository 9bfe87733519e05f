using ReproSpecs.Harness.Design;

namespace ReproSpecs.Harness.Models;

/// <summary>One architecture of the registry: what it is (<see cref="Info"/>) and how to build it.</summary>
/// <param name="Info">Registry key (lower case, also the test trait value), display name and family.</param>
/// <param name="Create">Builds the model (weights drawn from the global generator).</param>
/// <param name="ExpectedParameters">The documented parameter-count formula.</param>
/// <param name="ActivationSites">
/// How many times one forward pass applies the activation (the "act" marks of docs/design.md, "The study"), or null
/// when not documented; the structural activation check compares the observed count with it.
/// </param>
public sealed record ModelSpec(
    ArchitectureInfo Info,
    Func<ModelConfig, LanguageModel> Create,
    Func<ModelConfig, long> ExpectedParameters,
    Func<ModelConfig, int>? ActivationSites = null)
{
    /// <summary>An architecture from its parts (for registrations outside the study design).</summary>
    public ModelSpec(string name, string displayName, ArchitectureFamily family, Func<ModelConfig, LanguageModel> create,
        Func<ModelConfig, long> expectedParameters, Func<ModelConfig, int>? activationSites = null)
        : this(new ArchitectureInfo(name, displayName, family), create, expectedParameters, activationSites) { }

    /// <summary>Registry key, e.g. <c>charlm</c>.</summary>
    public string Name => Info.Name;
    /// <summary>Name for reports.</summary>
    public string DisplayName => Info.DisplayName;
    /// <summary>The architecture's family.</summary>
    public ArchitectureFamily Family => Info.Family;
}
