using MathNet.Numerics.Distributions;
using ReproSpecs.Harness.Statistics;
using Shouldly;
using Xunit;

namespace ReproSpecs.Tests.Statistics.Sequential;

/// <summary>The group-sequential boundary against published values and against a simulation of the process it assumes.</summary>
public class GroupSequentialBoundaryTests
{
    [Fact]
    public void One_look_is_the_fixed_design()
    {
        var b = GroupSequentialBoundary.Compute([1.0], 0.05);
        b.Critical[0].ShouldBe(1.95996, 1e-4);
        b.NominalLevels[0].ShouldBe(0.05, 1e-9);
    }

    /// <summary>
    /// gsDesign's <c>sfLDOF</c> at one-sided α = 0.025, five equally spaced looks, gives 4.8769, 3.3569, 2.6803, 2.2898,
    /// 2.0310 (Jennison &amp; Turnbull 2000, table 7.x, reproduced by gsDesign::gsDesign(k = 5, test.type = 1, sfu = sfLDOF)).
    /// A symmetric two-sided design that spends twice that per look has the same boundaries to within the
    /// (negligible) chance of crossing both tails.
    /// </summary>
    [Fact]
    public void Lan_DeMets_OBrien_Fleming_boundaries_match_the_published_five_look_values()
    {
        double z = Normal.InvCDF(0, 1, 1 - 0.0125);
        var b = GroupSequentialBoundary.Compute([0.2, 0.4, 0.6, 0.8, 1.0], 0.05,
            t => t >= 1 ? 0.05 : 2 * (2 - 2 * Normal.CDF(0, 1, z / Math.Sqrt(t))));
        double[] published = [4.8769, 3.3569, 2.6803, 2.2898, 2.0310];
        for (int j = 0; j < published.Length; j++) b.Critical[j].ShouldBe(published[j], 0.002, $"look {j + 1}");
    }

    [Fact]
    public void The_chance_of_ever_crossing_under_the_null_is_alpha_and_each_look_spends_its_share()
    {
        var schedule = LookSchedule.UpTo(40);
        var b = GroupSequentialBoundary.For(schedule, 0.05);
        var t = schedule.InformationFractions;
        var rng = new Random(11);
        const int runs = 200_000;
        var first = new int[schedule.Count];
        for (int r = 0; r < runs; r++)
        {
            double s = 0, previous = 0;
            for (int j = 0; j < schedule.Count; j++)
            {
                s += Normal.Sample(rng, 0, Math.Sqrt(t[j] - previous));
                previous = t[j];
                if (Math.Abs(s / Math.Sqrt(t[j])) >= b.Critical[j]) { first[j]++; break; }
            }
        }
        double total = first.Sum() / (double)runs;
        total.ShouldBe(0.05, 0.003);
        for (int j = 0; j < schedule.Count; j++)
        {
            double spent = b.Spent[j] - (j == 0 ? 0 : b.Spent[j - 1]);
            (first[j] / (double)runs).ShouldBe(spent, 4 * Math.Sqrt(Math.Max(spent, 1e-6) / runs) + 1e-4, $"look {j + 1}");
        }
    }

    [Fact]
    public void Early_looks_are_strict_and_the_last_is_close_to_the_fixed_level()
    {
        var b = GroupSequentialBoundary.For(LookSchedule.UpTo(10), 0.05);
        b.NominalLevels.ShouldBeInOrder(SortDirection.Ascending);
        b.NominalLevels[0].ShouldBeLessThan(0.001);
        b.NominalLevels[^1].ShouldBeInRange(0.03, 0.05);
    }

    [Fact]
    public void The_spending_function_spends_alpha_by_the_end_and_almost_nothing_early()
    {
        AlphaSpending.OBrienFlemingType(1, 0.05).ShouldBe(0.05);
        AlphaSpending.OBrienFlemingType(0.5, 0.05).ShouldBe(2 * Normal.CDF(0, 1, -1.959964 / Math.Sqrt(0.5)), 1e-9);
        AlphaSpending.OBrienFlemingType(0.075, 0.05).ShouldBeLessThan(1e-11);
        Should.Throw<ArgumentOutOfRangeException>(() => AlphaSpending.OBrienFlemingType(0, 0.05));
    }
}
