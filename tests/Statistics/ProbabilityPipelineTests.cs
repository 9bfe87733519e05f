using ReproSpecs.Harness.Metrics;
using ReproSpecs.Harness.Statistics;
using ReproSpecs.Tests.Statistics.Simulation;
using Shouldly;
using Xunit;
using Xunit.Abstractions;

namespace ReproSpecs.Tests.Statistics;

/// <summary>The whole pipeline on synthetic probability matrices: probabilities → pairwise PDs → comparison → verdict.</summary>
public class ProbabilityPipelineTests(ITestOutputHelper output)
{
    private const double Alpha = 0.05;
    private static readonly SyntheticProbabilities Model = new(contexts: 16, vocab: 65, sigmaTrial: 0.2, seedCorrelation: 0.5);

    [Fact]
    public void The_pairwise_matrix_is_the_relative_pd_of_each_pair()
    {
        var rng = new Random(1);
        var cell = Model.Draw(rng, Model.Base(rng), [("gelu", 0.5)], 4)[0];
        cell.Trials.ShouldBe(4);
        var again = new Random(1);
        var regenerated = Model.Draw(again, Model.Base(again), [("gelu", 0.5)], 4)[0];
        for (int i = 0; i < 4; i++)
        for (int j = 0; j < 4; j++)
            if (i != j) cell.Pd(i, j).ShouldBe(regenerated.Pd(i, j)); // same seed, same numbers
        cell.Pd(0, 1).ShouldBeGreaterThan(0);
        cell.Pd(0, 1).ShouldBe(cell.Pd(1, 0));
    }

    [Fact]
    public void From_probabilities_uses_the_metric_of_the_harness()
    {
        float[] p0 = [0.5f, 0.5f, 0f, 1f], p1 = [1f, 0f, 0.5f, 0.5f], p2 = [0.25f, 0.75f, 0f, 1f];
        var cell = CellSample.FromProbabilities("m", "a", TrialLevelModel.Seeds(3), [p0, p1, p2]);
        cell.Pd(0, 1).ShouldBe(PredictionDisagreement.Relative(p0, p1));
        cell.Pd(1, 2).ShouldBe(PredictionDisagreement.Relative(p1, p2));
        cell.Pd(0, 2).ShouldBe(0.125, 1e-9); // mean total variation: (0.25 + 0)/2 rows
    }

    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    public void Under_the_null_the_false_positive_rate_is_at_most_alpha_plus_two_points(int k)
    {
        const int runs = 1000;
        var rng = new Random(40 + k);
        var baseLogits = Model.Base(rng);
        double rate = Rates.Of(runs, _ =>
        {
            var cells = Model.Draw(rng, baseLogits, [("smooth", 0.5), ("relu", 0.5)], k);
            return RelativePdComparison.Compare(cells[0], cells[1], Alpha).PValue <= Alpha;
        });
        output.WriteLine($"probability matrices 16×65, K = {k}: false-positive rate {rate:F4} over {runs} nulls");
        rate.ShouldBeLessThanOrEqualTo(Alpha + 0.02);
    }

    [Fact]
    public void A_clear_effect_is_found_in_the_claimed_direction()
    {
        const int runs = 300, k = 5;
        var rng = new Random(50);
        var baseLogits = Model.Base(rng);
        int supported = 0, contradicted = 0;
        double effects = 0;
        for (int r = 0; r < runs; r++)
        {
            var cells = Model.Draw(rng, baseLogits, [("smooth", 0.25), ("relu", 0.5)], k).ToDictionary(c => c.Activation);
            var h = new Hypothesis("h1", "smooth below relu", ClaimDirection.Lower, RelativePdComparison.Compare(cells["smooth"], cells["relu"], Alpha));
            var v = HypothesisFamily.Decide([h], Alpha).Single();
            if (v.Verdict == Verdict.Supported) supported++;
            if (v.Verdict == Verdict.Contradicted) contradicted++;
            effects += h.Comparison.EffectPercent;
        }
        output.WriteLine($"noise scale 0.25 vs 0.5, K = {k}: supported {supported}/{runs}, contradicted {contradicted}, mean effect {effects / runs:F1} %");
        contradicted.ShouldBe(0);
        supported.ShouldBeGreaterThan(runs * 8 / 10);
        (effects / runs).ShouldBeInRange(-60, -40); // PD is about proportional to the noise scale: ≈ −50 %
    }
}
