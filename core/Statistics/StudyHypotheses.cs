using ReproSpecs.Harness.Design;

namespace ReproSpecs.Harness.Statistics;

/// <summary>
/// The study's claims H1–H4 built from cell samples, ready for <see cref="HypothesisFamily.Decide"/>.
/// The activation sets come from the activation registry's flags (smooth, gated); the defaults are the study's.
/// Cells that are missing are simply not tested (a hypothesis needs all of its cells); a cell that fails its
/// own spec (<see cref="CellSample.Problem"/>) makes every hypothesis that needs it inconclusive, naming it.
/// </summary>
public static class StudyHypotheses
{
    /// <summary>The reference activation of H1 and H4 (<see cref="StudyDesign.Baseline"/>).</summary>
    public static readonly string Baseline = StudyDesign.Study.Baseline;

    /// <summary>The activations with their own H1 line (<see cref="StudyDesign.SmoothActivations"/>).</summary>
    public static IReadOnlyList<string> SmoothActivations => StudyDesign.Study.SmoothActivations;

    /// <summary>The activations pooled in H1[pooled] and H4 (<see cref="StudyDesign.PooledActivations"/>).</summary>
    public static IReadOnlyList<string> PooledActivations => StudyDesign.Study.PooledActivations;

    /// <summary>H2's pair (<see cref="StudyDesign.SmeluPair"/>).</summary>
    public static (string A, string B) SmeluPair => StudyDesign.Study.SmeluPair;

    /// <summary>H3[contrast]'s transformer group (<see cref="StudyDesign.Transformers"/>).</summary>
    public static IReadOnlyList<string> Transformers => StudyDesign.Study.Transformers;

    /// <summary>H3[contrast]'s recurrent group (<see cref="StudyDesign.Recurrent"/>).</summary>
    public static IReadOnlyList<string> Recurrent => StudyDesign.Study.Recurrent;

    /// <summary>
    /// One architecture's hypotheses: H1 per smooth activation and pooled over the element-wise smooth ones
    /// (lower Relative PD than the baseline), H2 (smelu_1 below smelu_05), H4 pooled over the same set (higher
    /// loss and lower accuracy than the baseline, over every position of every context when the cells carry it;
    /// the last-position figures are reported in the note). <paramref name="cells"/> maps activation name → cell.
    /// </summary>
    public static IReadOnlyList<Hypothesis> ForArchitecture(string model, IReadOnlyDictionary<string, CellSample> cells,
        double alpha = 0.05, IReadOnlyList<string>? smooth = null, string? baseline = null, IReadOnlyList<string>? pooled = null)
    {
        baseline ??= Baseline;
        var list = new List<Hypothesis>();
        if (!cells.TryGetValue(baseline, out var reference)) return list;
        foreach (var cell in (smooth ?? SmoothActivations).Where(cells.ContainsKey).Select(a => cells[a]))
            list.Add(Gated($"{model}/H1[{cell.Activation}]", $"{cell.Activation} gives lower Relative PD than {baseline}", ClaimDirection.Lower,
                [cell, reference], () => RelativePdComparison.Compare(cell, reference, alpha)));
        var pooledCells = (pooled ?? PooledActivations).Where(cells.ContainsKey).Select(a => cells[a]).ToList();
        if (pooledCells.Count > 0)
        {
            CellSample[] needed = [.. pooledCells, reference];
            string names = string.Join(", ", pooledCells.Select(c => c.Activation));
            list.Add(Gated($"{model}/H1[pooled]", $"element-wise smooth activations ({names}) give lower Relative PD than {baseline}", ClaimDirection.Lower,
                needed, () => RelativePdComparison.Pooled(pooledCells, reference, alpha)));
            list.Add(Gated($"{model}/H4[loss]", $"smooth activations ({names}) cost loss: higher loss than {baseline}", ClaimDirection.Higher,
                needed, () => H4(pooledCells, reference, TrialMetric.AllPositionsLoss, TrialMetric.Loss, alpha)));
            list.Add(Gated($"{model}/H4[accuracy]", $"smooth activations ({names}) cost accuracy: lower accuracy than {baseline}", ClaimDirection.Lower,
                needed, () => H4(pooledCells, reference, TrialMetric.AllPositionsAccuracy, TrialMetric.Accuracy, alpha)));
        }
        if (cells.TryGetValue(SmeluPair.A, out var a) && cells.TryGetValue(SmeluPair.B, out var b))
            list.Add(Gated($"{model}/H2", $"{SmeluPair.A} gives lower Relative PD than {SmeluPair.B}", ClaimDirection.Lower,
                [a, b], () => RelativePdComparison.Compare(a, b, alpha)));
        return list;
    }

    /// <summary>
    /// H3 as the study states it: the smooth-vs-baseline effect on Relative PD depends on the architecture, tested
    /// two-sided for heterogeneity across every architecture in <paramref name="cells"/> that has a baseline and at
    /// least one pooled cell (<see cref="ArchitectureHeterogeneity"/>). Supported means "heterogeneous"; not
    /// rejecting is inconclusive. <paramref name="cells"/> maps model → activation → cell. Null when fewer than two
    /// architectures qualify.
    /// </summary>
    public static Hypothesis? H3(IReadOnlyDictionary<string, IReadOnlyDictionary<string, CellSample>> cells, double alpha = 0.05,
        IReadOnlyList<string>? pooled = null, string? baseline = null)
    {
        baseline ??= Baseline;
        var archs = Architectures(cells, cells.Keys.ToList(), pooled ?? PooledActivations, baseline);
        if (archs.Count < 2) return null;
        return Gated("H3", "the smooth-activation effect on Relative PD differs between architectures", ClaimDirection.Differs,
            archs.SelectMany(a => a.Smooth.Append(a.Baseline)).ToArray(), () => ArchitectureHeterogeneity.Test(archs, alpha));
    }

    /// <summary>
    /// H3[contrast], the directional reading of H3: the pooled smooth-vs-baseline log ratio is lower (a larger gain)
    /// for the transformers than for the recurrent models, with architectures as units
    /// (<see cref="ArchitectureComparison.BetweenArchitectures(IReadOnlyList{ComparisonResult}, IReadOnlyList{ComparisonResult}, double, string)"/>).
    /// Null when fewer than one architecture per group, or three in all, qualify.
    /// </summary>
    public static Hypothesis? H3Contrast(IReadOnlyDictionary<string, IReadOnlyDictionary<string, CellSample>> cells, double alpha = 0.05,
        IReadOnlyList<string>? pooled = null, string? baseline = null,
        IReadOnlyList<string>? transformers = null, IReadOnlyList<string>? recurrent = null)
    {
        baseline ??= Baseline;
        var a = Architectures(cells, transformers ?? Transformers, pooled ?? PooledActivations, baseline);
        var b = Architectures(cells, recurrent ?? Recurrent, pooled ?? PooledActivations, baseline);
        if (a.Count < 1 || b.Count < 1 || a.Count + b.Count < 3) return null;
        return Gated("H3[contrast]", "the smooth-activation gain in Relative PD is larger for transformers than for recurrent models", ClaimDirection.Lower,
            a.Concat(b).SelectMany(x => x.Smooth.Append(x.Baseline)).ToArray(), () => ArchitectureComparison.BetweenArchitectures(
                a.Select(e => RelativePdComparison.Pooled(e.Smooth, e.Baseline, alpha)).ToArray(),
                b.Select(e => RelativePdComparison.Pooled(e.Smooth, e.Baseline, alpha)).ToArray(), alpha,
                $"H3[contrast]: {{{string.Join(", ", a.Select(e => e.Model))}}} vs {{{string.Join(", ", b.Select(e => e.Model))}}}, smooth-vs-{baseline} Relative PD ratio"));
    }

    /// <summary>
    /// Every hypothesis of a study, in one list for one Holm family (<see cref="HypothesisFamily.Decide"/>): each
    /// architecture's H1, H2 and H4 (in the order of <paramref name="cells"/>), then, when <paramref name="includeH3"/>,
    /// H3 and H3[contrast].
    /// </summary>
    public static IReadOnlyList<Hypothesis> ForStudy(IReadOnlyDictionary<string, IReadOnlyDictionary<string, CellSample>> cells, double alpha = 0.05,
        bool includeH3 = true)
    {
        var list = cells.SelectMany(kv => ForArchitecture(kv.Key, kv.Value, alpha)).ToList();
        if (includeH3)
        {
            if (H3(cells, alpha) is { } h3) list.Add(h3);
            if (H3Contrast(cells, alpha) is { } contrast) list.Add(contrast);
        }
        return list;
    }

    /// <summary>
    /// The hypothesis, or — when a cell it needs fails its spec — the same comparison (where it can be computed)
    /// with p = 1 and a note naming the cell and why, so the verdict is inconclusive and stays so when re-adjusted.
    /// </summary>
    private static Hypothesis Gated(string id, string claim, ClaimDirection direction, IReadOnlyList<CellSample> needed, Func<ComparisonResult> compare)
    {
        var invalid = needed.Where(c => c.Problem is not null).DistinctBy(c => c.Label).ToList();
        var labels = needed.Select(c => c.Label).Distinct().ToArray();
        if (invalid.Count == 0) return new(id, claim, direction, compare(), labels);
        string reason = $"Not decided: it rests on cell(s) that fail their spec: {string.Join("; ", invalid.Select(c => c.Problem))}.";
        ComparisonResult comparison;
        try
        {
            var c = compare();
            comparison = c with { PValue = 1, Note = c.Note is null ? reason : $"{reason} {c.Note}" };
        }
        catch (ReproSpecsException e)
        {
            // An invalid cell may not even be comparable (identical trials: PD 0); report the reason, not a crash.
            comparison = new ComparisonResult(id, "not computed", EffectScale.LogRatio, double.NaN, double.NaN, double.NaN, double.PositiveInfinity, 0, 1,
                double.NaN, double.NaN, double.NaN, 0.95, needed.Min(c => c.Trials), "trials per cell", null, $"{reason} ({e.Message})");
        }
        return new(id, claim, direction, comparison, labels, reason);
    }

    private static ComparisonResult H4(IReadOnlyList<CellSample> group, CellSample reference, TrialMetric allPositions, TrialMetric lastPosition, double alpha)
    {
        var last = PairedTrialComparison.Pooled(group, reference, lastPosition, alpha);
        if (group.Append(reference).Any(c => (allPositions == TrialMetric.AllPositionsLoss ? c.AllPositionsLoss : c.AllPositionsAccuracy) is null))
            return last with { Note = Join("Last position of each context only (the cells carry no all-position figures).", last.Note) };
        var all = PairedTrialComparison.Pooled(group, reference, allPositions, alpha);
        string lastLine = FormattableString.Invariant(
            $"Decided on every position of every context (N·T predictions); last position only (N predictions): {last.EffectPercent:+0.00;−0.00;0.00} %, p = {last.PValue:0.###}.");
        return all with { Note = Join(lastLine, all.Note) };
    }

    private static string Join(string first, string? second) => second is null ? first : $"{first} {second}";

    private static List<ArchitectureCells> Architectures(IReadOnlyDictionary<string, IReadOnlyDictionary<string, CellSample>> cells,
        IReadOnlyList<string> models, IReadOnlyList<string> pooled, string baseline)
    {
        var list = new List<ArchitectureCells>();
        foreach (var model in models)
        {
            if (!cells.TryGetValue(model, out var byActivation) || !byActivation.TryGetValue(baseline, out var reference)) continue;
            var group = pooled.Where(byActivation.ContainsKey).Select(s => byActivation[s]).ToList();
            if (group.Count > 0) list.Add(new ArchitectureCells(model, group, reference));
        }
        return list;
    }
}
