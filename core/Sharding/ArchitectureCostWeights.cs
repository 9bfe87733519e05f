namespace ReproSpecs.Harness.Sharding;

/// <summary>
/// Relative cost of one trial of each architecture, so shards get equal expected work rather than equal trial counts.
/// The figures are the median ms per training step of the cpu profile (docs/benchmarks.md, "Figures", the
/// 2026-11-29 20:51 UTC run of <c>bench --steps 40</c>), divided by CharLM's 186.1 ms: training steps dominate a trial
/// (periodic evaluation and scoring run the same model, so they scale alike to first order). They change only how
/// trials are spread, never a number: update them from a new bench run when the models change. An architecture that
/// is not listed (a plugin's) weighs 1, like CharLM.
/// </summary>
public static class ArchitectureCostWeights
{
    private static readonly IReadOnlyDictionary<string, double> Weights = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["charlm"] = 1.00,           // 186.1 ms/step
        ["tinylstm"] = 0.88,         // 163.6
        ["minigpt"] = 0.88,          // 163.2
        ["convlm"] = 0.80,           // 148.4
        ["hybridlm"] = 1.52,         // 282.3
        ["nanotransformer"] = 0.57,  // 106.4
    };

    /// <summary>The weight of one trial of <paramref name="model"/>: its listed figure, else 1.</summary>
    public static double Of(string model) => Weights.TryGetValue(model, out double w) ? w : 1.0;
}
