using ReproSpecs.Harness.Records;
using ReproSpecs.Harness.Results;
using ReproSpecs.Harness.Statistics;

namespace ReproSpecs.Tests.Reports;

/// <summary>
/// Hypothesis family files made by the harness's own statistics (<see cref="StudyHypotheses"/>,
/// <see cref="HypothesisFamily"/>) from synthetic cells whose answer is known, written as the specs write them
/// (<see cref="ResultStore.SaveHypotheses"/>), so the report is tested against the real file format.
/// </summary>
internal static class SyntheticFamilies
{
    /// <summary>
    /// A cell of <paramref name="trials"/> trials (seeds 42 + k) whose pair (i, j) has Relative PD
    /// <paramref name="pd"/>·u_i·u_j, with trial factors u_k within ±5 % that differ by activation (so a
    /// comparison's jackknife sees some spread), and per-trial loss and accuracy near the values given.
    /// </summary>
    public static CellSample Cell(string model, string activation, double pd, int trials = 5, double loss = 2.0, double accuracy = 0.4)
    {
        double phase = activation.Sum(c => c) * 0.37 + model.Length;
        var u = Enumerable.Range(0, trials).Select(k => 1 + 0.05 * Math.Sin(1.3 * k + phase)).ToArray();
        var matrix = new double[trials, trials];
        for (int i = 0; i < trials; i++)
        for (int j = i + 1; j < trials; j++)
            matrix[i, j] = matrix[j, i] = pd * u[i] * u[j];
        return new CellSample(model, activation, Enumerable.Range(0, trials).Select(k => TrialSeeds.All(42 + k)).ToList(), matrix,
            u.Select(x => loss * x).ToList(), u.Select(x => accuracy / x).ToList());
    }

    /// <summary>One architecture's family (H1, H2, H4) decided at α = 0.05, resting on the given cells (label → config hash).</summary>
    public static HypothesisReport Architecture(string profile, string model, IReadOnlyList<CellSample> cells, Provenance provenance,
        IReadOnlyDictionary<string, string>? hashes = null) =>
        Family(profile, model, StudyHypotheses.ForArchitecture(model, cells.ToDictionary(c => c.Activation)), cells, provenance, hashes);

    /// <summary>The H3 family over cells of several architectures.</summary>
    public static HypothesisReport H3(string profile, IReadOnlyList<CellSample> cells, Provenance provenance)
    {
        var byModel = cells.GroupBy(c => c.Model).ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, CellSample>)g.ToDictionary(c => c.Activation));
        var h3 = StudyHypotheses.H3(byModel) ?? throw new InvalidOperationException("H3 needs two architectures");
        var contrast = StudyHypotheses.H3Contrast(byModel) ?? throw new InvalidOperationException("H3[contrast] needs both architecture groups");
        return Family(profile, "H3", [h3, contrast], cells, provenance, null);
    }

    private static HypothesisReport Family(string profile, string family, IReadOnlyList<Hypothesis> hypotheses, IReadOnlyList<CellSample> cells,
        Provenance provenance, IReadOnlyDictionary<string, string>? hashes) => new()
    {
        Profile = profile,
        Family = family,
        Alpha = 0.05,
        Verdicts = HypothesisFamily.Decide(hypotheses, 0.05),
        // Without real cells, hashes that match no cell of any results folder.
        Cells = hashes ?? cells.ToDictionary(c => c.Label, c => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(c.Label)))),
        Provenance = provenance,
    };
}
