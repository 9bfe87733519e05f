using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace ReproSpecs.Harness.Activations;

/// <summary>
/// All activations by name. Adding one is one <see cref="Register"/> entry below (or a call from
/// user code): every model picks it up by name.
/// </summary>
public static class ActivationRegistry
{
    private static readonly Dictionary<string, ActivationSpec> Specs = new(StringComparer.Ordinal);

    /// <summary>The study's six activations, in the order the study reports them.</summary>
    public static readonly IReadOnlyList<string> StudyGrid = ["smelu_05", "smelu_1", "relu", "gelu", "swish", "swiglu"];

    /// <summary>The activation every H1 comparison is made against.</summary>
    public const string Baseline = "relu";

    static ActivationRegistry()
    {
        // The study's grid.
        Register(new("smelu_05", "SmeLU β=0.5", "0 (x≤−β); (x+β)²/(4β) (|x|<β); x (x≥β), β=0.5", x => SmeLU.Apply(x, 0.5)));
        Register(new("smelu_1", "SmeLU β=1.0", "0 (x≤−β); (x+β)²/(4β) (|x|<β); x (x≥β), β=1.0", x => SmeLU.Apply(x, 1.0)));
        Register(new("relu", "ReLU", "max(x, 0)", x => F.relu(x), IsSmooth: false));
        Register(new("gelu", "GELU", "x·Φ(x) = x·½(1 + erf(x/√2)) (exact)", x => F.gelu(x)));
        Register(new("swish", "Swish", "x·σ(x)", x => F.silu(x)));
        Register(new("swiglu", "SwiGLU", "Swish(xW) ⊙ (xV)", x => F.silu(x), IsGated: true));

        // Beyond the study (its future work): selectable by name, not in the default grid.
        Register(new("mish", "Mish", "x·tanh(softplus(x))", x => F.mish(x)));
        Register(new("elu", "ELU", "x (x>0); eˣ−1 (x≤0)", x => F.elu(x, 1.0)));
        Register(new("selu", "SELU", "λ·x (x>0); λ·α(eˣ−1) (x≤0), λ≈1.0507, α≈1.6733", x => F.selu(x)));
        Register(new("leaky_relu", "LeakyReLU", "x (x>0); 0.01·x (x≤0)", x => F.leaky_relu(x, 0.01), IsSmooth: false));
        Register(new("geglu", "GeGLU", "GELU(xW) ⊙ (xV)", x => F.gelu(x), IsGated: true));
        Register(new("reglu", "ReGLU", "ReLU(xW) ⊙ (xV)", x => F.relu(x), IsGated: true, IsSmooth: false));
    }

    /// <summary>Adds (or replaces) an activation. Names are lower-case identifiers.</summary>
    public static void Register(ActivationSpec spec)
    {
        lock (Specs) Specs[spec.Name] = spec;
    }

    /// <summary>Removes a temporary entry (the structural checks' counting probes); true when it was there.</summary>
    internal static bool Unregister(string name)
    {
        lock (Specs) return Specs.Remove(name);
    }

    /// <summary>Every registered name, sorted.</summary>
    public static IReadOnlyList<string> Names
    {
        get { lock (Specs) return Specs.Keys.Order(StringComparer.Ordinal).ToList(); }
    }

    /// <summary>The activation called <paramref name="name"/>.</summary>
    /// <exception cref="ConfigurationException">Unknown name; the message lists the known ones.</exception>
    public static ActivationSpec Get(string name)
    {
        lock (Specs)
        {
            if (Specs.TryGetValue(name, out var spec)) return spec;
        }
        if (name.StartsWith(SmeLUPrefix, StringComparison.Ordinal)) return SmeLUWithBeta(name);
        throw new ConfigurationException($"Unknown activation '{name}'. Known activations: {string.Join(", ", Names)}, or {SmeLUPrefix}<beta> for any β > 0.");
    }

    /// <summary>Prefix of SmeLU with a chosen β, e.g. <c>smelu:0.25</c>.</summary>
    public const string SmeLUPrefix = "smelu:";

    private static ActivationSpec SmeLUWithBeta(string name)
    {
        string text = name[SmeLUPrefix.Length..];
        if (!double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double beta)
            || !double.IsFinite(beta) || beta <= 0)
            throw new ConfigurationException($"Activation '{name}': SmeLU β must be a number > 0, got '{text}'. Fix: use e.g. {SmeLUPrefix}0.25.");
        var spec = new ActivationSpec(name, $"SmeLU β={beta.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
            $"0 (x≤−β); (x+β)²/(4β) (|x|<β); x (x≥β), β={beta.ToString(System.Globalization.CultureInfo.InvariantCulture)}", x => SmeLU.Apply(x, beta));
        Register(spec);
        return spec;
    }

    /// <summary>Whether <paramref name="name"/> is registered.</summary>
    public static bool Contains(string name)
    {
        lock (Specs) return Specs.ContainsKey(name);
    }
}
