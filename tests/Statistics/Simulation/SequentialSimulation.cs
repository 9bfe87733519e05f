using ReproSpecs.Harness.Statistics;

namespace ReproSpecs.Tests.Statistics.Simulation;

/// <summary>
/// Runs the harness's own sequential driver (<see cref="SequentialStudy"/>, <see cref="StudyHypotheses"/>,
/// <see cref="SequentialFamily"/>) on synthetic cells: each cell is drawn once with the cap's trials, and a look at
/// K sees its first K, exactly as the store serves a real cell's trials 0..K−1.
/// </summary>
public static class SequentialSimulation
{
    /// <summary>The activations of one simulated architecture, in the study's order.</summary>
    public static readonly string[] Activations = ["smelu_05", "smelu_1", "relu", "gelu", "swish", "swiglu"];

    /// <summary>
    /// One simulated architecture under <paramref name="options"/>: <paramref name="mu"/> gives each activation's true PD
    /// level (ReLU's is the reference), <paramref name="lossMean"/> its per-trial loss mean.
    /// </summary>
    public static SequentialOutcome Architecture(Random rng, SequentialOptions options, PdRegime regime,
        Func<string, double> mu, Func<string, double>? lossMean = null)
    {
        var cells = Activations.Select(a => new SimCell(a, mu(a), lossMean?.Invoke(a) ?? 1.5)).ToArray();
        var pool = TrialLevelModel.Draw(rng, "sim", cells, options.Schedule.Cap, regime).ToDictionary(c => c.Activation);
        var grid = new Dictionary<string, IReadOnlyList<string>> { ["sim"] = Activations };
        return SequentialStudy.Run(options, grid, (_, a, k) => pool[a].FirstTrials(k),
            samples => StudyHypotheses.ForArchitecture("sim", samples["sim"], options.Alpha));
    }

    /// <summary>The fixed-K design on the same kind of data: all <paramref name="k"/> trials, Holm over the family, one look.</summary>
    public static IReadOnlyList<HypothesisVerdict> Fixed(Random rng, int k, double alpha, PdRegime regime, Func<string, double> mu)
    {
        var cells = Activations.Select(a => new SimCell(a, mu(a))).ToArray();
        var pool = TrialLevelModel.Draw(rng, "sim", cells, k, regime).ToDictionary(c => c.Activation);
        return HypothesisFamily.Decide(StudyHypotheses.ForArchitecture("sim", pool.ToDictionary(kv => kv.Key, kv => kv.Value), alpha), alpha);
    }

    /// <summary>Whether any verdict is a claim (supported or contradicted).</summary>
    public static bool AnyClaim(IEnumerable<HypothesisVerdict> verdicts) =>
        verdicts.Any(v => v.Verdict is Verdict.Supported or Verdict.Contradicted);

    /// <summary>
    /// The whole study (six architectures, every H1, H2, H4, H3 and H3[contrast] in one family) under the sequential
    /// design: each architecture's pooled log ratio is <paramref name="logRatios"/>[m] (all 0: the global null).
    /// </summary>
    public static SequentialOutcome Study(Random rng, SequentialOptions options, PdRegime regime, IReadOnlyList<double> logRatios)
    {
        var pool = StudyModel.Draw(rng, options.Schedule.Cap, regime, logRatios);
        var grid = pool.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)StudyModel.Activations);
        return SequentialStudy.Run(options, grid, (m, a, k) => pool[m][a].FirstTrials(k), samples => StudyHypotheses.ForStudy(samples, options.Alpha));
    }
}
