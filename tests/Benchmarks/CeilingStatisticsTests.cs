using ReproSpecs.Harness.Benchmarks;
using Shouldly;
using Xunit;

namespace ReproSpecs.Tests.Benchmarks;

/// <summary>The arithmetic of the matmul ceiling: repetitions, own-shape weighting, before/after bracket, ratio flagging.</summary>
public class CeilingStatisticsTests
{
    [Fact]
    public void Repetitions_give_the_best_the_median_and_the_spread_of_their_throughput()
    {
        // 10 GFLOP per repetition at 1, 2, 4 and 5 s: 10, 5, 2.5 and 2 GFLOP/s; the median time is 3 s.
        var t = new RepeatedTimings([2.0, 5.0, 1.0, 4.0], 10e9);

        t.Repeats.ShouldBe(4);
        t.BestGflops.ShouldBe(10, 1e-12);
        t.WorstGflops.ShouldBe(2, 1e-12);
        t.MedianSeconds.ShouldBe(3, 1e-12);
        t.MedianGflops.ShouldBe(10.0 / 3, 1e-12);
        t.SpreadPercent.ShouldBe(100 * (10 - 2) / (10.0 / 3), 1e-9);
        t.ToString().ShouldContain("best 10.0, median 3.3 [2.0–10.0] GFLOP/s");
    }

    [Fact]
    public void Identical_repetitions_have_no_spread_and_an_odd_count_takes_the_middle_one()
    {
        new RepeatedTimings([0.5, 0.5, 0.5], 1e9).SpreadPercent.ShouldBe(0);
        RepeatedTimings.Median([3.0, 1.0, 2.0]).ShouldBe(2);
        RepeatedTimings.Median([4.0, 1.0, 3.0, 2.0]).ShouldBe(2.5);
    }

    [Fact]
    public void No_repetition_or_a_non_positive_time_is_rejected()
    {
        Should.Throw<ArgumentException>(() => new RepeatedTimings([], 1e9));
        Should.Throw<ArgumentException>(() => new RepeatedTimings([0.1, 0.0], 1e9));
        Should.Throw<ArgumentException>(() => new RepeatedTimings([0.1, double.NaN], 1e9));
        Should.Throw<ArgumentException>(() => new RepeatedTimings([0.1], 0));
    }

    [Theory]
    [InlineData(41.0, 100.0, false, "41 %")]
    [InlineData(100.0, 100.0, false, "100 %")]
    [InlineData(53.1, 45.5, true, "measurement error (117 % > 100 %: ceiling mismeasured)")]
    [InlineData(44.0, 30.3, true, "measurement error (145 % > 100 %: ceiling mismeasured)")]
    public void A_ratio_above_100_percent_is_a_measurement_error_not_a_figure(double model, double ceiling, bool error, string shown)
    {
        var r = new CeilingRatio(model, ceiling);
        r.IsMeasurementError.ShouldBe(error);
        r.ToString().ShouldBe(shown);
    }

    [Fact]
    public void A_missing_ceiling_is_a_measurement_error_too()
    {
        new CeilingRatio(10, 0).IsMeasurementError.ShouldBeTrue();
        new CeilingRatio(10, double.NaN).ToString().ShouldContain("no ceiling");
    }

    [Fact]
    public void The_own_shape_ceiling_weights_each_shape_by_its_flops_and_its_count()
    {
        // A: 2·1·1·1e9 = 2 GFLOP at best 1 s (2 GFLOP/s), performed twice; B: 2·1·1·4e9 = 8 GFLOP at best 1 s (8 GFLOP/s).
        // All products at their best: 2·2 + 8 = 12 GFLOP in 2·1 + 1 = 3 s → 4 GFLOP/s (not the mean of the rates, 5).
        var a = new GemmShape(1, 1, 1_000_000_000, Count: 2);
        var b = new GemmShape(1, 1, 4_000_000_000);
        var ceiling = new ShapeCeiling([(a, new RepeatedTimings([1.0, 2.0, 3.0], a.Flops)), (b, new RepeatedTimings([1.0], b.Flops))]);

        ceiling.BestGflops.ShouldBe(4, 1e-12);
        ceiling.MedianGflops.ShouldBe(12.0 / (2 * 2 + 1), 1e-12);
        a.ToString().ShouldBe("1×1×1000000000 ×2");
    }

    [Fact]
    public void The_bracket_compares_with_the_higher_best_and_warns_when_the_machine_changed_speed()
    {
        var quiet = new RepeatedTimings([1.0, 1.0], 45.5e9);   // 45.5 GFLOP/s
        var busy = new RepeatedTimings([1.5, 1.5], 45.5e9);    // 30.3 GFLOP/s
        var steady = new RepeatedTimings([1.1, 1.1], 45.5e9);  // 41.4 GFLOP/s, within 20 %

        var changed = new CeilingBracket(busy, quiet);
        changed.BestGflops.ShouldBe(45.5, 1e-9);
        changed.Drift.ShouldNotBeNull().ShouldContain("changed during the run");
        new CeilingBracket(quiet, steady).Drift.ShouldBeNull();
    }
}
