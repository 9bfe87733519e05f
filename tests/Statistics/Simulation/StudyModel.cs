using ReproSpecs.Harness.Statistics;

namespace ReproSpecs.Tests.Statistics.Simulation;

/// <summary>
/// A whole simulated study: the six architectures, each with the study grid's cells, every cell of every
/// architecture sharing the seeds' effects w_k. Architecture m's smooth cells sit at PD μ·e^{L_m} against its
/// ReLU cell at μ, so L_m is the true pooled log ratio (all L_m equal: H3's null; all 0: the global null).
/// </summary>
public static class StudyModel
{
    /// <summary>The study's architectures, in registry order.</summary>
    public static readonly string[] Architectures = ["charlm", "minigpt", "nanotransformer", "tinylstm", "hybridlm", "convlm"];

    /// <summary>The study grid's activations.</summary>
    public static readonly string[] Activations = ["smelu_05", "smelu_1", "relu", "gelu", "swish", "swiglu"];

    /// <summary>Draws a study; <paramref name="regimeOf"/> gives each architecture's noise (default: <paramref name="regime"/> for all).</summary>
    public static Dictionary<string, IReadOnlyDictionary<string, CellSample>> Draw(Random rng, int k, PdRegime regime, IReadOnlyList<double> logRatios,
        Func<int, PdRegime>? regimeOf = null)
    {
        var w = Enumerable.Range(0, k).Select(_ => TrialLevelModel.Z(rng)).ToArray();
        var study = new Dictionary<string, IReadOnlyDictionary<string, CellSample>>();
        for (int m = 0; m < Architectures.Length; m++)
        {
            double l = logRatios[m];
            var cells = Activations.Select(a => new SimCell(a, a == "relu" ? 0.05 : 0.05 * Math.Exp(l))).ToArray();
            study[Architectures[m]] = TrialLevelModel.Draw(rng, Architectures[m], cells, k, regimeOf?.Invoke(m) ?? regime, w).ToDictionary(c => c.Activation);
        }
        return study;
    }

    /// <summary>Each architecture's pooled cells and baseline, for <see cref="ArchitectureHeterogeneity.Test"/>.</summary>
    public static IReadOnlyList<ArchitectureCells> Cells(Dictionary<string, IReadOnlyDictionary<string, CellSample>> study) =>
        study.Select(kv => new ArchitectureCells(kv.Key, StudyHypotheses.PooledActivations.Select(a => kv.Value[a]).ToArray(), kv.Value["relu"])).ToArray();
}
