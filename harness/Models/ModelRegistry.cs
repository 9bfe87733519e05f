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

/// <summary>All architectures by name.</summary>
public static class ModelRegistry
{
    private static readonly Dictionary<string, ModelSpec> Specs = new(StringComparer.Ordinal);

    static ModelRegistry()
    {
        // The study's six: what each one is comes from the study design; here its implementation is bound.
        var implementations = new Dictionary<string, (Func<ModelConfig, LanguageModel>, Func<ModelConfig, long>, Func<ModelConfig, int>)>
        {
            ["charlm"] = (c => new CharLM(c), CharLM.ExpectedParameters, CharLM.ActivationSites),
            ["tinylstm"] = (c => new TinyLSTM(c), TinyLSTM.ExpectedParameters, TinyLSTM.ActivationSites),
            ["minigpt"] = (c => new MiniGPT(c), MiniGPT.ExpectedParameters, MiniGPT.ActivationSites),
            ["convlm"] = (c => new ConvLM(c), ConvLM.ExpectedParameters, ConvLM.ActivationSites),
            ["hybridlm"] = (c => new HybridLM(c), HybridLM.ExpectedParameters, HybridLM.ActivationSites),
            ["nanotransformer"] = (c => new NanoTransformer(c), NanoTransformer.ExpectedParameters, NanoTransformer.ActivationSites),
        };
        foreach (var info in StudyDesign.Study.Architectures)
        {
            var (create, parameters, sites) = implementations[info.Name];
            Register(new ModelSpec(info, create, parameters, sites));
        }
    }

    /// <summary>Adds (or replaces) an architecture.</summary>
    public static void Register(ModelSpec spec)
    {
        lock (Specs) Specs[spec.Name] = spec;
    }

    /// <summary>What every registered architecture is, in registration order.</summary>
    public static IReadOnlyList<ArchitectureInfo> Infos
    {
        get { lock (Specs) return Specs.Values.Select(s => s.Info).ToList(); }
    }

    /// <summary>Every registered name, in registration order.</summary>
    public static IReadOnlyList<string> Names
    {
        get { lock (Specs) return Specs.Keys.ToList(); }
    }

    /// <summary>The architecture called <paramref name="name"/> (case-insensitive).</summary>
    /// <exception cref="ConfigurationException">Unknown name; the message lists the known ones.</exception>
    public static ModelSpec Get(string name)
    {
        lock (Specs)
        {
            if (Specs.TryGetValue(name.ToLowerInvariant(), out var spec)) return spec;
        }
        throw new ConfigurationException($"Unknown architecture '{name}'. Known architectures: {string.Join(", ", Names)}.");
    }

    /// <summary>Validates <paramref name="config"/> and builds the named model.</summary>
    public static LanguageModel Create(string name, ModelConfig config)
    {
        var spec = Get(name);
        config.Validate();
        Runtime.TorchRuntime.EnsureInitialized();
        return spec.Create(config);
    }
}
