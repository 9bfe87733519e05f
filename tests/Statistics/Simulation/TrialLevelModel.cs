using MathNet.Numerics.Distributions;
using ReproSpecs.Harness.Records;
using ReproSpecs.Harness.Statistics;

namespace ReproSpecs.Tests.Statistics.Simulation;

/// <summary>How the simulated pairwise PDs vary: trial-level and pair-level spread on the log scale, and how much of a trial's effect its seed shares across cells.</summary>
/// <param name="Name">For test names and messages.</param>
/// <param name="SigmaTrial">σ_u: spread of a trial's own effect (shared by its K − 1 pairs).</param>
/// <param name="SigmaPair">σ_e: spread of a pair's own effect.</param>
/// <param name="SeedCorrelation">ρ: correlation of trial k's effects in two cells (they share seed k).</param>
public sealed record PdRegime(string Name, double SigmaTrial, double SigmaPair, double SeedCorrelation)
{
    public override string ToString() => Name;
}

/// <summary>A simulated cell: its activation, true PD level μ (median pair PD) and per-trial loss/accuracy means.</summary>
public sealed record SimCell(string Activation, double Mu, double LossMean = 1.5, double AccuracyMean = 0.5);

/// <summary>
/// The trial-level random-effects model the calibration tests draw from. It has the dependence structure
/// of real cells without training anything:
/// <code>
///   log PD_c(i, j) = log μ_c + u_c,i + u_c,j + e_c,ij,    u_c,k = σ_u (√ρ·w_k + √(1−ρ)·z_c,k)
/// </code>
/// so pairs sharing a trial are correlated (through u_c,k) and trial k of two cells are correlated (through
/// the seed's w_k). Loss and accuracy follow the same seed structure: x_c,k = mean_c + σ_x(√ρ·w'_k + √(1−ρ)·z'_c,k).
/// </summary>
public static class TrialLevelModel
{
    /// <summary>Per-trial spread of the simulated loss.</summary>
    public const double LossSigma = 0.02;

    /// <summary>Per-trial spread of the simulated accuracy.</summary>
    public const double AccuracySigma = 0.01;

    /// <summary>The study's seeds for K trials: trial k uses 42 + k for every source.</summary>
    public static IReadOnlyList<TrialSeeds> Seeds(int k) => Enumerable.Range(0, k).Select(i => TrialSeeds.All(42 + i)).ToArray();

    /// <summary>A standard normal draw (MathNet's sampler on the test's own seeded generator).</summary>
    public static double Z(Random rng) => Normal.Sample(rng, 0, 1);

    /// <summary>
    /// Draws one set of cells of <paramref name="model"/> sharing K seeds. <paramref name="seedEffects"/>
    /// (w_k) may be passed in to share the seeds' effects with other models' cells too.
    /// </summary>
    public static CellSample[] Draw(Random rng, string model, IReadOnlyList<SimCell> cells, int k, PdRegime regime, double[]? seedEffects = null)
    {
        var w = seedEffects ?? Enumerable.Range(0, k).Select(_ => Z(rng)).ToArray();
        var wLoss = Enumerable.Range(0, k).Select(_ => Z(rng)).ToArray();
        var wAcc = Enumerable.Range(0, k).Select(_ => Z(rng)).ToArray();
        double rho = regime.SeedCorrelation, shared = Math.Sqrt(rho), own = Math.Sqrt(1 - rho);
        var seeds = Seeds(k);
        var result = new CellSample[cells.Count];
        for (int c = 0; c < cells.Count; c++)
        {
            var u = w.Select(wk => regime.SigmaTrial * (shared * wk + own * Z(rng))).ToArray();
            var pd = new double[k, k];
            for (int i = 0; i < k; i++)
            for (int j = i + 1; j < k; j++)
                pd[i, j] = pd[j, i] = cells[c].Mu * Math.Exp(u[i] + u[j] + regime.SigmaPair * Z(rng));
            var loss = wLoss.Select(wk => cells[c].LossMean + LossSigma * (shared * wk + own * Z(rng))).ToArray();
            var acc = wAcc.Select(wk => cells[c].AccuracyMean + AccuracySigma * (shared * wk + own * Z(rng))).ToArray();
            result[c] = new CellSample(model, cells[c].Activation, seeds, pd, loss, acc);
        }
        return result;
    }

    /// <summary>Draws two cells A (μ_A) and B (μ_B).</summary>
    public static (CellSample A, CellSample B) DrawPair(Random rng, double muA, double muB, int k, PdRegime regime)
    {
        var cells = Draw(rng, "sim", [new SimCell("a", muA), new SimCell("b", muB)], k, regime);
        return (cells[0], cells[1]);
    }
}
