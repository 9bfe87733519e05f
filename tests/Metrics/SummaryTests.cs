using ReproSpecs.Harness.Metrics;
using Shouldly;
using Xunit;

namespace ReproSpecs.Tests.Metrics;

/// <summary>Per-cell summaries: mean and sample standard deviation.</summary>
public class SummaryTests
{
    [Fact]
    public void A_known_set_has_mean_5_and_sample_std_sqrt_32_over_7()
    {
        var s = Summary.Of([2, 4, 4, 4, 5, 5, 7, 9]);
        s.Count.ShouldBe(8);
        s.Mean.ShouldBe(5, 1e-15);
        s.Std.ShouldBe(Math.Sqrt(32.0 / 7.0), 1e-12, "sample standard deviation divides by n − 1, not n (population std would be 2)");
        s.Min.ShouldBe(2);
        s.Max.ShouldBe(9);
    }

    [Fact]
    public void Two_values_have_std_of_their_difference_over_root_2()
    {
        var s = Summary.Of([1.0, 4.0]);
        s.Mean.ShouldBe(2.5);
        s.Std.ShouldBe(3 / Math.Sqrt(2), 1e-12);
    }

    [Fact]
    public void A_single_value_has_std_zero_and_an_empty_set_is_refused()
    {
        Summary.Of([3.5]).ShouldBe(new Summary(1, 3.5, 0, 3.5, 3.5));
        Should.Throw<ArgumentException>(() => Summary.Of(Array.Empty<double>()));
    }
}
