using ReproSpecs.Harness.Design;

namespace ReproSpecs.Harness.Models;

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
        throw new ConfigurationException($"Unknown architecture '{name}'. Known architectures: {string.Join(", ", Names)}. " +
                                         "A model of your own: register it in an IReproSpecsPlugin and pass its assembly with --plugin (docs/extending.md).");
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
