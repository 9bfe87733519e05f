using ReproSpecs.Harness.Design;
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


    static ActivationRegistry()
    {
        // The study's grid: what each one is comes from the study design; here its implementation is bound.
        var implementations = new Dictionary<string, Func<Tensor, Tensor>>
        {
            ["smelu_05"] = x => SmeLU.Apply(x, 0.5),
            ["smelu_1"] = x => SmeLU.Apply(x, 1.0),
            ["relu"] = x => F.relu(x),
            ["gelu"] = x => F.gelu(x),
            ["swish"] = x => F.silu(x),
            ["swiglu"] = x => F.silu(x),
        };
        foreach (var info in StudyDesign.Study.Activations) Register(new ActivationSpec(info, implementations[info.Name]));

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

    /// <summary>What every registered activation is (name, formula, flags), in name order.</summary>
    public static IReadOnlyList<ActivationInfo> Infos
    {
        get { lock (Specs) return Specs.Values.OrderBy(s => s.Name, StringComparer.Ordinal).Select(s => s.Info).ToList(); }
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
        string b = beta.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var spec = new ActivationSpec(name, $"SmeLU β={b}", StudyDesign.SmeLUFormulaFor(b), x => SmeLU.Apply(x, beta));
        Register(spec);
        return spec;
    }

    /// <summary>Whether <paramref name="name"/> is registered.</summary>
    public static bool Contains(string name)
    {
        lock (Specs) return Specs.ContainsKey(name);
    }
}
