using ReproSpecs.Harness.Statistics;

namespace ReproSpecs.Tests.Statistics.Simulation;

/// <summary>
/// Row-major N×V probability matrices of simulated trials, so tests can exercise the whole pipeline
/// (probabilities → pairwise Relative PD → comparison). Trial k of cell c predicts
/// <code>
///   softmax( base + s_c·e^{σ_u(√ρ·w_k + √(1−ρ)·z_c,k)} · (√ρ·η_k + √(1−ρ)·ξ_c,k) )
/// </code>
/// row by row: a shared "true" function (base), a cell-level noise scale s_c (what an activation would
/// change), a trial-level scale effect (trials that wander further from the base), and per-entry noise
/// of which the part η_k is shared by every cell with seed k (same initialisation and data order).
/// </summary>
public sealed class SyntheticProbabilities(int contexts, int vocab, double sigmaTrial, double seedCorrelation)
{
    /// <summary>Contexts N.</summary>
    public int Contexts => contexts;

    /// <summary>Vocabulary size V.</summary>
    public int Vocab => vocab;

    /// <summary>Fixed logits of the "true" next-character function.</summary>
    public double[] Base(Random rng) => Enumerable.Range(0, contexts * vocab).Select(_ => 2 * TrialLevelModel.Z(rng)).ToArray();

    /// <summary>Draws cells (name, noise scale s_c) with K trials each, sharing the seeds' effects.</summary>
    public CellSample[] Draw(Random rng, double[] baseLogits, IReadOnlyList<(string Activation, double Scale)> cells, int k)
    {
        double shared = Math.Sqrt(seedCorrelation), own = Math.Sqrt(1 - seedCorrelation);
        var w = Enumerable.Range(0, k).Select(_ => TrialLevelModel.Z(rng)).ToArray();
        var eta = Enumerable.Range(0, k).Select(_ => Noise(rng)).ToArray();
        var seeds = TrialLevelModel.Seeds(k);
        return cells.Select(cell =>
        {
            var probs = new float[k][];
            var loss = new double[k];
            for (int t = 0; t < k; t++)
            {
                double scale = cell.Scale * Math.Exp(sigmaTrial * (shared * w[t] + own * TrialLevelModel.Z(rng)));
                var xi = Noise(rng);
                var logits = new double[contexts * vocab];
                for (int e = 0; e < logits.Length; e++) logits[e] = baseLogits[e] + scale * (shared * eta[t][e] + own * xi[e]);
                probs[t] = Softmax(logits);
                loss[t] = 1.5 + 0.01 * TrialLevelModel.Z(rng);
            }
            return CellSample.FromProbabilities("synthetic", cell.Activation, seeds, probs, loss, loss.Select(l => 1 - l / 3).ToArray());
        }).ToArray();
    }

    private double[] Noise(Random rng) => Enumerable.Range(0, contexts * vocab).Select(_ => TrialLevelModel.Z(rng)).ToArray();

    private float[] Softmax(double[] logits)
    {
        var p = new float[logits.Length];
        for (int n = 0; n < contexts; n++)
        {
            int row = n * vocab;
            double max = double.NegativeInfinity, sum = 0;
            for (int v = 0; v < vocab; v++) max = Math.Max(max, logits[row + v]);
            for (int v = 0; v < vocab; v++) sum += Math.Exp(logits[row + v] - max);
            for (int v = 0; v < vocab; v++) p[row + v] = (float)(Math.Exp(logits[row + v] - max) / sum);
        }
        return p;
    }
}
