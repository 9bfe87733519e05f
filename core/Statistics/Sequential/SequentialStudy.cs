namespace ReproSpecs.Harness.Statistics;

/// <summary>
/// Runs a study under a sequential design: at each pre-registered look it brings every cell that an open hypothesis
/// needs to the look's K trials (trial k uses seeds base + k, so finished trials are reused and the first K trials of
/// a cell are the same whatever the cap), re-forms the hypotheses on those trials and lets the
/// <see cref="SequentialFamily"/> decide; cells whose hypotheses are all decided stop growing. Everything is a
/// function of the settings and the trials, so the same settings give the same looks, trials and verdicts, and a
/// killed run resumes from the store to the same answer.
/// <para>The driver is torch-free: training sits behind <c>sampleAt</c>, so the calibration simulations run this same
/// code on synthetic cells (<c>tests/Statistics/SequentialCalibrationTests.cs</c>).</para>
/// </summary>
public static class SequentialStudy
{
    /// <summary>Runs the design.</summary>
    /// <param name="options">Looks, α and the smallest effect of interest.</param>
    /// <param name="grid">The cells of the study: model → its activations.</param>
    /// <param name="sampleAt">The first K trials of a cell (training what is missing): (model, activation, K) → sample.</param>
    /// <param name="form">Forms the study's hypotheses from the current samples (model → activation → sample).</param>
    /// <param name="onLook">Called after each look with the look's index, K and the family (for progress).</param>
    public static SequentialOutcome Run(SequentialOptions options, IReadOnlyDictionary<string, IReadOnlyList<string>> grid,
        Func<string, string, int, CellSample> sampleAt,
        Func<IReadOnlyDictionary<string, IReadOnlyDictionary<string, CellSample>>, IReadOnlyList<Hypothesis>> form,
        Action<int, int, SequentialFamily>? onLook = null)
    {
        var samples = grid.ToDictionary(g => g.Key, g => new Dictionary<string, CellSample>());
        var trials = new Dictionary<string, int>();
        SequentialFamily? family = null;
        HashSet<string>? growing = null; // null: every cell (the first look)
        for (int look = 0; look < options.Schedule.Count; look++)
        {
            int k = options.Schedule.Trials[look];
            foreach (var (model, activations) in grid)
            foreach (var activation in activations)
            {
                string label = $"{model}/{activation}";
                if (growing is not null && !growing.Contains(label)) continue;
                samples[model][activation] = sampleAt(model, activation, k);
                trials[label] = k;
            }
            var view = samples.ToDictionary(s => s.Key, s => (IReadOnlyDictionary<string, CellSample>)s.Value);
            var hypotheses = form(view);
            family ??= new SequentialFamily(options, hypotheses.Select(h => h.Id));
            family.Observe(look, hypotheses);
            onLook?.Invoke(look, k, family);
            if (family.Done) break;
            growing = family.OpenHypotheses.SelectMany(h => h.Cells ?? AllCells(grid)).ToHashSet();
        }
        return new SequentialOutcome(options, family!.Verdicts(), trials);
    }

    private static IEnumerable<string> AllCells(IReadOnlyDictionary<string, IReadOnlyList<string>> grid) =>
        grid.SelectMany(g => g.Value.Select(a => $"{g.Key}/{a}"));
}
