using ReproSpecs.Harness.Records;
using Shouldly;
using Xunit;
using PD = ReproSpecs.Harness.Metrics.PredictionDisagreement;

namespace ReproSpecs.Tests.Metrics;

/// <summary>The disagreement metrics, on synthetic distributions whose answers are known.</summary>
public class PredictionDisagreementTests
{
    public static TheoryData<int> Seeds()
    {
        var seeds = new TheoryData<int>();
        for (int s = 0; s < 25; s++) seeds.Add(s);
        return seeds;
    }

    /// <summary>The identity the study's headline metric rests on: Relative PD (global) = mean total-variation distance.</summary>
    [Theory]
    [MemberData(nameof(Seeds))]
    public void Relative_PD_equals_the_mean_total_variation_distance(int seed)
    {
        var random = new Random(seed);
        for (int trial = 0; trial < 20; trial++)
        {
            int rows = random.Next(1, 40), vocab = random.Next(2, 80);
            float[] a = RandomDistributions.Matrix(random, rows, vocab), b = RandomDistributions.Matrix(random, rows, vocab);
            double expected = RandomDistributions.MeanTotalVariation(a, b, vocab);

            double relative = PD.Relative(a, b);

            // Rows sum to 1 only up to float32 rounding, which bounds the gap between the two forms.
            relative.ShouldBe(expected, 1e-5, $"seed {seed}, trial {trial}: N={rows}, V={vocab}");
            relative.ShouldBeInRange(0, 1);
            PD.MeanTotalVariation(a, b, vocab).ShouldBe(expected, 1e-12);
        }
    }

    [Fact]
    public void Identical_predictions_disagree_by_zero_on_every_metric()
    {
        var random = new Random(3);
        const int rows = 12, vocab = 65;
        float[] a = RandomDistributions.Matrix(random, rows, vocab);
        float[] copy = (float[])a.Clone();
        int[] targets = Enumerable.Range(0, rows).Select(_ => random.Next(vocab)).ToArray();

        PD.Relative(a, copy).ShouldBe(0);
        PD.ElementWise(a, copy).ShouldBe(0);
        PD.Target(a, copy, targets, vocab).ShouldBe(0);
        PD.Top1(a, copy, vocab).ShouldBe(0);
        PD.MeanTotalVariation(a, copy, vocab).ShouldBe(0);
    }

    [Fact]
    public void Disjoint_one_hot_predictions_disagree_completely()
    {
        const int rows = 5, vocab = 7;
        float[] a = RandomDistributions.OneHot(rows, vocab, n => n % vocab);
        float[] b = RandomDistributions.OneHot(rows, vocab, n => (n + 1) % vocab);
        int[] targets = Enumerable.Range(0, rows).Select(n => n % vocab).ToArray();

        PD.Relative(a, b).ShouldBe(1);
        PD.MeanTotalVariation(a, b, vocab).ShouldBe(1);
        PD.Target(a, b, targets, vocab).ShouldBe(1);
        PD.Top1(a, b, vocab).ShouldBe(1);
        // Two entries per row disagree maximally (2|1−0|/1 = 2); the other V−2 are 0/0 and count as 0.
        PD.ElementWise(a, b).ShouldBe(4.0 / vocab, 1e-15);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Every_metric_is_symmetric(int seed)
    {
        var random = new Random(seed);
        int rows = random.Next(1, 30), vocab = random.Next(2, 70);
        float[] a = RandomDistributions.Matrix(random, rows, vocab), b = RandomDistributions.Matrix(random, rows, vocab);
        int[] targets = Enumerable.Range(0, rows).Select(_ => random.Next(vocab)).ToArray();

        PD.Relative(a, b).ShouldBe(PD.Relative(b, a));
        PD.ElementWise(a, b).ShouldBe(PD.ElementWise(b, a));
        PD.Target(a, b, targets, vocab).ShouldBe(PD.Target(b, a, targets, vocab));
        PD.Top1(a, b, vocab).ShouldBe(PD.Top1(b, a, vocab));
    }

    [Fact]
    public void Element_wise_PD_counts_entries_that_are_zero_in_both_as_agreement()
    {
        float[] a = [0.5f, 0.5f, 0f];
        float[] b = [0.25f, 0.75f, 0f];
        // (2·0.25/0.75 + 2·0.25/1.25 + 0) / 3 = (2/3 + 2/5) / 3 = 16/45.
        PD.ElementWise(a, b).ShouldBe(16.0 / 45.0, 1e-12);

        float[] zeros = new float[6];
        PD.ElementWise(zeros, zeros).ShouldBe(0);
        PD.Relative(zeros, zeros).ShouldBe(0);
    }

    [Fact]
    public void A_hand_computed_case_gives_the_expected_target_PD_top1_and_relative_PD()
    {
        const int vocab = 3;
        float[] a = [0.7f, 0.2f, 0.1f, /**/ 0.1f, 0.1f, 0.8f];
        float[] b = [0.4f, 0.4f, 0.2f, /**/ 0.1f, 0.6f, 0.3f];
        int[] targets = [0, 2];

        // |0.7−0.4| + |0.8−0.3| = 0.8 over (0.7+0.4) + (0.8+0.3) = 2.2.
        PD.Target(a, b, targets, vocab).ShouldBe(0.8 / 2.2, 1e-6);
        // Row 0: argmax 0 vs a tie of 0 and 1 (→ 0): agree. Row 1: 2 vs 1: differ.
        PD.Top1(a, b, vocab).ShouldBe(0.5);
        // TV per row: 0.3 and 0.5 → mean 0.4.
        PD.Relative(a, b).ShouldBe(0.4, 1e-6);
        PD.ElementWise(a, b).ShouldBe((2 * 0.3 / 1.1 + 2 * 0.2 / 0.6 + 2 * 0.1 / 0.3 + 0 + 2 * 0.5 / 0.7 + 2 * 0.5 / 1.1) / 6, 1e-6);

        var pair = PairMetrics.Compute(a, b, targets, vocab);
        pair.ShouldBe(new PairMetrics(PD.Relative(a, b), PD.ElementWise(a, b), PD.Target(a, b, targets, vocab), PD.Top1(a, b, vocab)));
    }

    [Fact]
    public void ArgMax_takes_the_first_of_equal_maxima()
    {
        PD.ArgMax([0.1f, 0.4f, 0.4f, 0.1f]).ShouldBe(1);
        PD.ArgMax([0.9f]).ShouldBe(0);
    }

    [Fact]
    public void Matrices_of_different_sizes_are_refused()
    {
        float[] six = new float[6], nine = new float[9];
        Should.Throw<ArgumentException>(() => PD.Relative(six, nine)).Message.ShouldContain("same contexts");
        Should.Throw<ArgumentException>(() => PD.ElementWise(six, nine));
        Should.Throw<ArgumentException>(() => PD.Target(six, nine, [0, 0], 3));
        Should.Throw<ArgumentException>(() => PD.Top1(six, nine, 3));
        Should.Throw<ArgumentException>(() => PD.MeanTotalVariation(six, nine, 3));
        Should.Throw<ArgumentException>(() => PD.Target(six, six, [0, 0, 0], 3)).Message.ShouldContain("targets");
    }
}
