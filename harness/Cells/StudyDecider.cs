using ReproSpecs.Harness.Design;
using ReproSpecs.Harness.Records;
using ReproSpecs.Harness.Statistics;

namespace ReproSpecs.Harness.Cells;

/// <summary>
/// Decides the study's hypotheses for a run — the specs' <c>HypothesisBook</c> and <c>reprospecs run</c> alike — as
/// one family: the H1, H2 and H4 of each planned architecture, plus H3 and H3[contrast] when asked. With a fixed
/// number of trials every cell gets them and Holm decides once; with a sequential design (<see cref="TrialPlan.Sequential"/>)
/// <see cref="SequentialStudy"/> adds trials look by look, only to the cells an open hypothesis needs. Cells that fail
/// their own spec (<see cref="CellValidity"/>) make the verdicts that need them inconclusive.
/// </summary>
/// <param name="cellAt">
/// Trains or loads the first K trials of a cell: (model, activation, K, final) → cell; <c>final</c> is false for a
/// sequential design's intermediate looks (nothing needs to be written or kept) and true for the trials a cell ends with.
/// </param>
/// <param name="unigramEntropy">The validation split's unigram entropy (the "did it learn" floor).</param>
/// <param name="weights">Which weights the verdicts are decided on.</param>
/// <param name="log">Where each look's progress line goes, or null.</param>
public sealed class StudyDecider(Func<string, string, int, bool, CellResult> cellAt, double unigramEntropy, ScoredWeights weights, Action<string>? log = null)
{
    /// <summary>Decides the hypotheses of <paramref name="architectures"/> (and H3 when <paramref name="includeH3"/>, which needs every architecture of <paramref name="models"/>).</summary>
    /// <param name="architectures">Architectures whose H1, H2 and H4 are in the family.</param>
    /// <param name="includeH3">Whether H3 and H3[contrast] are in the family.</param>
    /// <param name="models">Every architecture whose cells the family may use (for H3: all).</param>
    /// <param name="plan">Fixed trials or a sequential design.</param>
    /// <param name="alpha">Family-wise level.</param>
    /// <param name="activations">The activations of each model's cells; default: the study's six.</param>
    public StudyDecision Decide(IReadOnlyList<string> architectures, bool includeH3, IReadOnlyList<string> models, TrialPlan plan, double alpha,
        IReadOnlyList<string>? activations = null)
    {
        var grid = models.ToDictionary(m => m, _ => activations ?? StudyDesign.Study.ActivationNames);
        var cells = new Dictionary<string, CellResult>();
        CellSample SampleAt(string model, string activation, int k, bool final)
        {
            var result = cellAt(model, activation, k, final);
            cells[$"{model}/{activation}"] = result;
            return CellSample.FromCellResult(result, bestWeights: weights == ScoredWeights.Best,
                problem: CellValidity.Reason(CellValidity.Problems(result, unigramEntropy, result.Record.Config.VocabSize)));
        }
        IReadOnlyList<Hypothesis> Form(IReadOnlyDictionary<string, IReadOnlyDictionary<string, CellSample>> samples)
        {
            var list = architectures.Where(samples.ContainsKey).SelectMany(m => StudyHypotheses.ForArchitecture(m, samples[m], alpha)).ToList();
            if (includeH3)
            {
                if (StudyHypotheses.H3(samples, alpha) is { } h3) list.Add(h3);
                if (StudyHypotheses.H3Contrast(samples, alpha) is { } contrast) list.Add(contrast);
            }
            return list;
        }

        if (plan.Sequential is not { } options)
        {
            var samples = grid.ToDictionary(g => g.Key,
                g => (IReadOnlyDictionary<string, CellSample>)g.Value.ToDictionary(a => a, a => SampleAt(g.Key, a, plan.Fixed, true)));
            return new StudyDecision(HypothesisFamily.Decide(Form(samples), alpha), cells, null);
        }
        var outcome = SequentialStudy.Run(options with { Alpha = alpha }, grid, (m, a, k) => SampleAt(m, a, k, false), Form, (look, k, family) =>
            log?.Invoke($"sequential design, look {look + 1} of {options.Schedule.Count} (K = {k}): {family.Open.Count} of {family.Count} hypotheses still open" +
                        (family.Open.Count > 0 && family.Open.Count <= 6 ? $" ({string.Join(", ", family.Open)})" : "")));
        // Each cell once more at the trials it ended with: all reused, its cell.json written once.
        foreach (var (label, k) in outcome.TrialsPerCell)
        {
            int slash = label.IndexOf('/');
            cells[label] = cellAt(label[..slash], label[(slash + 1)..], k, true);
        }
        return new StudyDecision(outcome.Verdicts, cells, outcome);
    }
}
