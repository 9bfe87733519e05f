using ReproSpecs.Harness.Statistics;
using ReproSpecs.Tests.Statistics.Simulation;
using Shouldly;
using Xunit;

namespace ReproSpecs.Tests.Statistics;

/// <summary>Zero variance is not certainty: a zero or undefined standard error never yields a verdict (issue #18, item 2).</summary>
public class DegenerateStandardErrorTests
{
    private static Verdict DecideAlone(ComparisonResult c, ClaimDirection direction) =>
        HypothesisFamily.Decide([new Hypothesis("h", "claim", direction, c)])[0].Verdict;

    [Fact]
    public void Equal_per_seed_differences_give_p_1_and_an_inconclusive_verdict_with_the_reason()
    {
        // Accuracy is a multiple of 1/N: three seeds that all differ by exactly 0.002 (up to rounding).
        var c = PairedTrialComparison.Compare("x", [0.402, 0.412, 0.422], [0.400, 0.410, 0.420]);
        c.StandardError.ShouldBe(0);
        c.PValue.ShouldBe(1);
        c.Note.ShouldNotBeNull().ShouldContain("standard error is 0");
        double.IsPositiveInfinity(c.CiHighPercent).ShouldBeTrue();
        DecideAlone(c, ClaimDirection.Higher).ShouldBe(Verdict.Inconclusive);
    }

    [Fact]
    public void Two_equal_differences_at_K_2_give_p_1()
    {
        var c = PairedTrialComparison.Compare("x", [0.5, 0.6], [0.4, 0.5]);
        c.PValue.ShouldBe(1);
        DecideAlone(c, ClaimDirection.Higher).ShouldBe(Verdict.Inconclusive);
    }

    [Fact]
    public void A_paired_comparison_with_spread_is_still_decided()
    {
        var c = PairedTrialComparison.Compare("x", [0.50, 0.61, 0.72, 0.55], [0.40, 0.50, 0.60, 0.46]);
        c.StandardError.ShouldBeGreaterThan(0);
        c.PValue.ShouldBeLessThan(0.01);
        DecideAlone(c, ClaimDirection.Higher).ShouldBe(Verdict.Supported);
    }

    [Fact]
    public void A_relative_PD_comparison_whose_leave_one_out_ratios_are_all_equal_is_inconclusive()
    {
        // A's pairs are exactly half of B's: every leave-one-seed-out log ratio is log 0.5, so the jackknife SE is 0.
        var rng = new Random(3);
        var (_, b) = TrialLevelModel.DrawPair(rng, 0.05, 0.05, 4, new PdRegime("mixed", 0.1, 0.1, 0.5));
        var pd = new double[4, 4];
        for (int i = 0; i < 4; i++)
        for (int j = 0; j < 4; j++)
            if (i != j) pd[i, j] = 0.5 * b.Pd(i, j);
        var a = new CellSample("sim", "a", b.Seeds, pd);
        var c = RelativePdComparison.Compare(a, b);
        c.StandardError.ShouldBe(0);
        c.PValue.ShouldBe(1);
        c.Note.ShouldNotBeNull().ShouldContain("standard error is 0");
        DecideAlone(c, ClaimDirection.Lower).ShouldBe(Verdict.Inconclusive);
    }

    [Fact]
    public void H3_contrast_with_no_spread_within_the_groups_is_inconclusive()
    {
        var c = ArchitectureComparison.BetweenArchitectures([-0.2, -0.2, -0.2], [0.0, 0.0], 0.05, "flat");
        c.PValue.ShouldBe(1);
        DecideAlone(c, ClaimDirection.Lower).ShouldBe(Verdict.Inconclusive);
    }

    [Fact]
    public void H3_heterogeneity_with_no_residual_spread_is_inconclusive()
    {
        // Every architecture's smooth cells are exact multiples of its ReLU cell: its log ratio is the same on every
        // seed subset, so the pseudo-values have no residual and the F statistic is undefined.
        var rng = new Random(4);
        var archs = Enumerable.Range(0, 4).Select(m =>
        {
            var (_, relu) = TrialLevelModel.DrawPair(rng, 0.05, 0.05, 3, new PdRegime("mixed", 0.1, 0.1, 0.5));
            var pd = new double[3, 3];
            for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++)
                if (i != j) pd[i, j] = (0.5 + 0.1 * m) * relu.Pd(i, j);
            return new ArchitectureCells($"m{m}", [new CellSample($"m{m}", "gelu", relu.Seeds, pd)], relu);
        }).ToList();
        var c = ArchitectureHeterogeneity.Test(archs);
        c.PValue.ShouldBe(1);
        c.Note.ShouldNotBeNull().ShouldContain("Not decidable");
        DecideAlone(c, ClaimDirection.Differs).ShouldBe(Verdict.Inconclusive);
    }

    [Fact]
    public void A_zero_standard_error_read_from_an_older_file_cannot_be_supported()
    {
        // A p of 0 computed before the fix (or elsewhere): the verdict mapping itself refuses a zero SE.
        var c = PairedTrialComparison.Compare("x", [0.50, 0.61, 0.72, 0.55], [0.40, 0.50, 0.60, 0.46]) with { StandardError = 0, PValue = 0 };
        DecideAlone(c, ClaimDirection.Higher).ShouldBe(Verdict.Inconclusive);
    }
}
