using ReproSpecs.Harness;
using ReproSpecs.Harness.Records;
using ReproSpecs.Harness.Statistics;
using ReproSpecs.Tests.Statistics.Simulation;
using Shouldly;
using Xunit;

namespace ReproSpecs.Tests.Statistics;

/// <summary>The seed jackknife and seed alignment on cases with known answers.</summary>
public class SeedJackknifeTests
{
    [Fact]
    public void The_jackknife_of_a_mean_is_the_standard_error_of_the_mean()
    {
        double[] x = [1, 4, 2, 8, 5];
        var jack = SeedJackknife.Run(x.Length, units => units.Average(u => x[u]));
        double mean = x.Average(), sd = Math.Sqrt(x.Sum(v => (v - mean) * (v - mean)) / (x.Length - 1));
        jack.Estimate.ShouldBe(mean, 1e-12);
        jack.StandardError.ShouldBe(sd / Math.Sqrt(x.Length), 1e-12);
        jack.DegreesOfFreedom.ShouldBe(4);
    }

    [Fact]
    public void Leaving_a_seed_out_drops_every_pair_it_is_in()
    {
        // Pairs (0,1) = 1, (0,2) = 2, (1,2) = 6: leaving out trial 0 leaves only pair (1,2).
        var cell = new CellSample("m", "a", TrialLevelModel.Seeds(3), new double[,] { { 0, 1, 2 }, { 1, 0, 6 }, { 2, 6, 0 } });
        var jack = SeedJackknife.Run(3, units => cell.MeanPairwisePd(units));
        jack.Estimate.ShouldBe(3);
        jack.LeaveOneOut.ShouldBe([6.0, 2.0, 1.0]);
        jack.StandardError.ShouldBe(Math.Sqrt(2.0 / 3 * (9 + 1 + 4)), 1e-12); // mean 3, deviations 3, −1, −2
    }

    /// <summary>
    /// In the additive model PD(i,j) = μ + u_i + u_j + e_ij the jackknife variance has expectation
    /// 4σ_u²/K + 4σ_e²/(K(K−2)), against a true variance of the mean pair of 4σ_u²/K + 2σ_e²/(K(K−1)):
    /// unbiased for the trial part, conservative for the pair part. Checked by simulation at K = 5.
    /// </summary>
    [Fact]
    public void The_jackknife_variance_has_the_expected_bias_in_the_additive_model()
    {
        const int k = 5, runs = 20_000;
        const double su = 0.3, se = 0.5;
        var rng = new Random(5);
        double sumVar = 0;
        for (int r = 0; r < runs; r++)
        {
            var u = Enumerable.Range(0, k).Select(_ => su * TrialLevelModel.Z(rng)).ToArray();
            var pd = new double[k, k];
            for (int i = 0; i < k; i++)
            for (int j = i + 1; j < k; j++)
                pd[i, j] = pd[j, i] = 10 + u[i] + u[j] + se * TrialLevelModel.Z(rng);
            var cell = new CellSample("m", "a", TrialLevelModel.Seeds(k), pd);
            double s = SeedJackknife.Run(k, units => cell.MeanPairwisePd(units)).StandardError;
            sumVar += s * s;
        }
        double expected = 4 * su * su / k + 4 * se * se / (k * (k - 2.0));
        double truth = 4 * su * su / k + 2 * se * se / (k * (k - 1.0));
        (sumVar / runs).ShouldBe(expected, 0.03 * expected);
        expected.ShouldBeGreaterThan(truth);
    }

    [Fact]
    public void Cells_are_aligned_on_their_common_seeds()
    {
        var seeds = TrialLevelModel.Seeds(4);
        var full = new CellSample("m", "a", seeds, Pd(4, (i, j) => 1 + i + j));
        var missing = new CellSample("m", "b", [seeds[3], seeds[0], seeds[2]], Pd(3, (i, j) => 10 * (i + j)));
        var aligned = SeedAlignment.Of([full, missing]);
        aligned.Seeds.ShouldBe([seeds[0], seeds[2], seeds[3]]);
        aligned.Dropped.ShouldBe(1);
        aligned.TrialOf(1, 0).ShouldBe(1); // seed 0 is the second trial of the reordered cell
        aligned.MeanPairwisePd(0, [0, 1]).ShouldBe(1 + 0 + 2);
        aligned.MeanPairwisePd(1, [0, 1]).ShouldBe(10 * (1 + 2));
    }

    [Fact]
    public void A_comparison_uses_only_the_seeds_both_cells_completed_and_says_so()
    {
        var seeds = TrialLevelModel.Seeds(4);
        var a = new CellSample("m", "a", seeds, Pd(4, (i, j) => 0.05 + 0.001 * (i + j)));
        var b = new CellSample("m", "b", seeds.Take(3).ToArray(), Pd(3, (i, j) => 0.06 + 0.002 * i * j));
        var c = RelativePdComparison.Compare(a, b);
        c.Units.ShouldBe(3);
        c.Note.ShouldNotBeNull().ShouldContain("1 trial(s) without a partner seed");
    }

    [Fact]
    public void Bad_input_names_the_problem()
    {
        var seeds = TrialLevelModel.Seeds(3);
        Should.Throw<ReproSpecsException>(() => new CellSample("m", "a", [seeds[0], seeds[0], seeds[1]], Pd(3, (_, _) => 1)))
            .Message.ShouldContain("same seeds");
        Should.Throw<ReproSpecsException>(() => new CellSample("m", "a", seeds, Pd(2, (_, _) => 1))).Message.ShouldContain("K×K");
        Should.Throw<ReproSpecsException>(() => new CellSample("m", "a", seeds, Pd(3, (_, _) => double.NaN))).Message.ShouldContain("finite");
        var zero = new CellSample("m", "a", seeds, Pd(3, (_, _) => 0));
        Should.Throw<ReproSpecsException>(() => RelativePdComparison.Compare(zero, zero)).Message.ShouldContain("identical");
        var other = new CellSample("m", "b", [TrialSeeds.All(1), TrialSeeds.All(2), TrialSeeds.All(3)], Pd(3, (_, _) => 1));
        Should.Throw<ReproSpecsException>(() => RelativePdComparison.Compare(zero, other)).Message.ShouldContain("common");
        Should.Throw<ReproSpecsException>(() => PairedTrialComparison.Compare(zero, zero, TrialMetric.Loss)).Message.ShouldContain("no per-trial loss");
    }

    private static double[,] Pd(int k, Func<int, int, double> value)
    {
        var pd = new double[k, k];
        for (int i = 0; i < k; i++)
        for (int j = i + 1; j < k; j++)
            pd[i, j] = pd[j, i] = value(i, j);
        return pd;
    }
}
