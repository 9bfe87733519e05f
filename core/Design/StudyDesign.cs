namespace ReproSpecs.Harness.Design;

/// <summary>
/// The study, declared once: its grid (architectures × activations, in the order it reports them), the baseline, the
/// activation sets each hypothesis uses and H3's groups. Specs, statistics, the CLI and the report all read it from
/// here. The sets are derived from the activations' own flags (smooth, gated) and the architectures' families, not
/// listed by name.
/// The implementations (torch modules) are bound to these names by the harness's registries.
/// </summary>
/// <param name="Architectures">The grid's architectures, in report order.</param>
/// <param name="Activations">The grid's activations, in report order.</param>
/// <param name="Baseline">The reference activation of H1 and H4.</param>
/// <param name="SmeluPair">H2's pair: <c>A</c> is claimed to give lower Relative PD than <c>B</c>.</param>
public sealed record StudyDesign(
    IReadOnlyList<ArchitectureInfo> Architectures,
    IReadOnlyList<ActivationInfo> Activations,
    string Baseline,
    (string A, string B) SmeluPair)
{
    private const string SmeLUFormula = "0 (x≤−β); (x+β)²/(4β) (|x|<β); x (x≥β)";

    /// <summary>"Activation Functions and Reproducibility of Language Models": six architectures × six activations.</summary>
    public static StudyDesign Study { get; } = new(
        [
            new("charlm", "CharLM", ArchitectureFamily.Transformer),
            new("tinylstm", "TinyLSTM", ArchitectureFamily.Recurrent),
            new("minigpt", "MiniGPT", ArchitectureFamily.Transformer),
            new("convlm", "ConvLM", ArchitectureFamily.Convolutional),
            new("hybridlm", "HybridLM", ArchitectureFamily.Recurrent),
            new("nanotransformer", "NanoTransformer", ArchitectureFamily.Transformer),
        ],
        [
            new("smelu_05", "SmeLU β=0.5", SmeLUFormula + ", β=0.5"),
            new("smelu_1", "SmeLU β=1.0", SmeLUFormula + ", β=1.0"),
            new("relu", "ReLU", "max(x, 0)", IsSmooth: false),
            new("gelu", "GELU", "x·Φ(x) = x·½(1 + erf(x/√2)) (exact)"),
            new("swish", "Swish", "x·σ(x)"),
            new("swiglu", "SwiGLU", "Swish(xW) ⊙ (xV)", IsGated: true),
        ],
        Baseline: "relu",
        SmeluPair: ("smelu_1", "smelu_05"));

    /// <summary>The SmeLU formula with β filled in, as reports print it.</summary>
    public static string SmeLUFormulaFor(string beta) => $"{SmeLUFormula}, β={beta}";

    /// <summary>Architecture names, in report order.</summary>
    public IReadOnlyList<string> ArchitectureNames => Architectures.Select(a => a.Name).ToArray();

    /// <summary>Activation names, in report order.</summary>
    public IReadOnlyList<string> ActivationNames => Activations.Select(a => a.Name).ToArray();

    /// <summary>H1's activations, each with its own line: every smooth activation of the grid, in order.</summary>
    public IReadOnlyList<string> SmoothActivations => Activations.Where(a => a.IsSmooth && a.Name != Baseline).Select(a => a.Name).ToArray();

    /// <summary>
    /// The activations pooled in H1[pooled] and H4: the element-wise smooth ones. A gated activation (SwiGLU) changes
    /// the block's shape and parameter count as well as the nonlinearity, so it keeps its own H1 line but does not
    /// enter the pooled claim about smoothness.
    /// </summary>
    public IReadOnlyList<string> PooledActivations => Activations.Where(a => a.IsSmooth && !a.IsGated && a.Name != Baseline).Select(a => a.Name).ToArray();

    /// <summary>The grid's architectures of <paramref name="family"/>, in order.</summary>
    public IReadOnlyList<string> Family(ArchitectureFamily family) => Architectures.Where(a => a.Family == family).Select(a => a.Name).ToArray();

    /// <summary>H3[contrast]'s first group: the transformers.</summary>
    public IReadOnlyList<string> Transformers => Family(ArchitectureFamily.Transformer);

    /// <summary>H3[contrast]'s second group: the recurrent models.</summary>
    public IReadOnlyList<string> Recurrent => Family(ArchitectureFamily.Recurrent);

    /// <summary>The grid's entry for an activation, or null.</summary>
    public ActivationInfo? Activation(string name) => Activations.FirstOrDefault(a => a.Name == name);

    /// <summary>The grid's entry for an architecture, or null.</summary>
    public ArchitectureInfo? Architecture(string name) => Architectures.FirstOrDefault(a => a.Name == name);
}
