namespace ReproSpecs.Harness.Statistics;

/// <summary>
/// The study's claims H1–H4 built from cell samples, ready for <see cref="HypothesisFamily.Decide"/>.
/// Names are plain strings so this stays free of the torch-backed registries; the defaults are the study's.
/// Cells that are missing are simply not tested (a hypothesis needs all of its cells).
/// </summary>
public static class StudyHypotheses
{
    /// <summary>The reference activation of H1 and H4.</summary>
    public const string Baseline = "relu";

    /// <summary>H1's smooth activations, in the study's order.</summary>
    public static readonly IReadOnlyList<string> SmoothActivations = ["smelu_05", "smelu_1", "gelu", "swish", "swiglu"];

    /// <summary>H2's pair: SmeLU β = 1.0 is claimed below β = 0.5.</summary>
    public static readonly (string A, string B) SmeluPair = ("smelu_1", "smelu_05");

    /// <summary>H3's transformer group.</summary>
    public static readonly IReadOnlyList<string> Transformers = ["charlm", "minigpt", "nanotransformer"];

    /// <summary>H3's recurrent group.</summary>
    public static readonly IReadOnlyList<string> Recurrent = ["tinylstm", "hybridlm"];

    /// <summary>
    /// One architecture's hypotheses: H1 per smooth activation and pooled (lower Relative PD than the
    /// baseline), H2 (smelu_1 below smelu_05), H4 pooled over the smooth activations (higher loss and
    /// lower accuracy than the baseline). <paramref name="cells"/> maps activation name → cell.
    /// </summary>
    public static IReadOnlyList<Hypothesis> ForArchitecture(string model, IReadOnlyDictionary<string, CellSample> cells,
        double alpha = 0.05, IReadOnlyList<string>? smooth = null, string baseline = Baseline)
    {
        var list = new List<Hypothesis>();
        if (!cells.TryGetValue(baseline, out var reference)) return list;
        var smoothCells = (smooth ?? SmoothActivations).Where(cells.ContainsKey).Select(a => cells[a]).ToList();
        foreach (var cell in smoothCells)
            list.Add(new($"{model}/H1[{cell.Activation}]", $"{cell.Activation} gives lower Relative PD than {baseline}", ClaimDirection.Lower,
                RelativePdComparison.Compare(cell, reference, alpha)));
        if (smoothCells.Count > 0)
        {
            list.Add(new($"{model}/H1[pooled]", $"smooth activations give lower Relative PD than {baseline}", ClaimDirection.Lower,
                RelativePdComparison.Pooled(smoothCells, reference, alpha)));
            list.Add(new($"{model}/H4[loss]", $"smooth activations cost loss: higher loss than {baseline}", ClaimDirection.Higher,
                PairedTrialComparison.Pooled(smoothCells, reference, TrialMetric.Loss, alpha)));
            list.Add(new($"{model}/H4[accuracy]", $"smooth activations cost accuracy: lower accuracy than {baseline}", ClaimDirection.Lower,
                PairedTrialComparison.Pooled(smoothCells, reference, TrialMetric.Accuracy, alpha)));
        }
        if (cells.TryGetValue(SmeluPair.A, out var a) && cells.TryGetValue(SmeluPair.B, out var b))
            list.Add(new($"{model}/H2", $"{SmeluPair.A} gives lower Relative PD than {SmeluPair.B}", ClaimDirection.Lower,
                RelativePdComparison.Compare(a, b, alpha)));
        return list;
    }

    /// <summary>
    /// H3 across architectures: the pooled smooth-vs-baseline log ratio is lower (a larger gain) for the
    /// transformers than for the recurrent models, tested with architectures as units
    /// (<see cref="ArchitectureComparison.BetweenArchitectures(IReadOnlyList{ComparisonResult}, IReadOnlyList{ComparisonResult}, double, string)"/>).
    /// <paramref name="cells"/> maps model → activation → cell. Null when fewer than one architecture per
    /// group, or three in all, have a baseline and at least one smooth cell.
    /// </summary>
    public static Hypothesis? H3(IReadOnlyDictionary<string, IReadOnlyDictionary<string, CellSample>> cells, double alpha = 0.05,
        IReadOnlyList<string>? smooth = null, string baseline = Baseline,
        IReadOnlyList<string>? transformers = null, IReadOnlyList<string>? recurrent = null)
    {
        var a = Effects(cells, transformers ?? Transformers, smooth ?? SmoothActivations, baseline, alpha);
        var b = Effects(cells, recurrent ?? Recurrent, smooth ?? SmoothActivations, baseline, alpha);
        if (a.Count < 1 || b.Count < 1 || a.Count + b.Count < 3) return null;
        var comparison = ArchitectureComparison.BetweenArchitectures(a.Select(e => e.Effect).ToArray(), b.Select(e => e.Effect).ToArray(), alpha,
            $"H3: {{{string.Join(", ", a.Select(e => e.Model))}}} vs {{{string.Join(", ", b.Select(e => e.Model))}}}, smooth-vs-{baseline} Relative PD ratio");
        return new("H3", "the smooth-activation gain in Relative PD is larger for transformers than for recurrent models", ClaimDirection.Lower, comparison);
    }

    private static List<(string Model, ComparisonResult Effect)> Effects(IReadOnlyDictionary<string, IReadOnlyDictionary<string, CellSample>> cells,
        IReadOnlyList<string> models, IReadOnlyList<string> smooth, string baseline, double alpha)
    {
        var effects = new List<(string, ComparisonResult)>();
        foreach (var model in models)
        {
            if (!cells.TryGetValue(model, out var byActivation) || !byActivation.TryGetValue(baseline, out var reference)) continue;
            var group = smooth.Where(byActivation.ContainsKey).Select(s => byActivation[s]).ToList();
            if (group.Count > 0) effects.Add((model, RelativePdComparison.Pooled(group, reference, alpha)));
        }
        return effects;
    }
}
