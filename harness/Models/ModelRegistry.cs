namespace ReproSpecs.Harness.Models;

/// <summary>How H3 groups an architecture.</summary>
public enum ArchitectureFamily
{
    /// <summary>Attention-only sequence mixing (CharLM, MiniGPT, NanoTransformer).</summary>
    Transformer,
    /// <summary>Recurrent sequence mixing (TinyLSTM, HybridLM).</summary>
    Recurrent,
    /// <summary>Convolutional sequence mixing (ConvLM).</summary>
    Convolutional,
}

/// <summary>One architecture of the registry.</summary>
/// <param name="Name">Registry key and test trait value, lower case (e.g. <c>charlm</c>).</param>
/// <param name="DisplayName">Name for reports (e.g. <c>CharLM</c>).</param>
/// <param name="Family">The H3 group.</param>
/// <param name="Create">Builds the model (weights drawn from the global generator).</param>
/// <param name="ExpectedParameters">The documented parameter-count formula.</param>
/// <param name="ActivationSites">
/// How many times one forward pass applies the activation (the "act" marks of DESIGN.md §2), or null
/// when not documented; the structural activation check compares the observed count with it.
/// </param>
public sealed record ModelSpec(
    string Name,
    string DisplayName,
    ArchitectureFamily Family,
    Func<ModelConfig, LanguageModel> Create,
    Func<ModelConfig, long> ExpectedParameters,
    Func<ModelConfig, int>? ActivationSites = null);

/// <summary>All architectures by name.</summary>
public static class ModelRegistry
{
    private static readonly Dictionary<string, ModelSpec> Specs = new(StringComparer.Ordinal);

    /// <summary>The study's six architectures, in the order the study reports them.</summary>
    public static readonly IReadOnlyList<string> StudyGrid = ["charlm", "tinylstm", "minigpt", "convlm", "hybridlm", "nanotransformer"];

    static ModelRegistry()
    {
        // The study's six, in the order it reports them.
        Register(new("charlm", "CharLM", ArchitectureFamily.Transformer, c => new CharLM(c), CharLM.ExpectedParameters, CharLM.ActivationSites));
        Register(new("tinylstm", "TinyLSTM", ArchitectureFamily.Recurrent, c => new TinyLSTM(c), TinyLSTM.ExpectedParameters, TinyLSTM.ActivationSites));
        Register(new("minigpt", "MiniGPT", ArchitectureFamily.Transformer, c => new MiniGPT(c), MiniGPT.ExpectedParameters, MiniGPT.ActivationSites));
        Register(new("convlm", "ConvLM", ArchitectureFamily.Convolutional, c => new ConvLM(c), ConvLM.ExpectedParameters, ConvLM.ActivationSites));
        Register(new("hybridlm", "HybridLM", ArchitectureFamily.Recurrent, c => new HybridLM(c), HybridLM.ExpectedParameters, HybridLM.ActivationSites));
        Register(new("nanotransformer", "NanoTransformer", ArchitectureFamily.Transformer, c => new NanoTransformer(c), NanoTransformer.ExpectedParameters, NanoTransformer.ActivationSites));
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
