using ReproSpecs.Harness.Runtime;
using ReproSpecs.Harness.Training;
using Shouldly;
using TorchSharp;
using Xunit;

namespace ReproSpecs.Tests.Training;

/// <summary>The divergence watch: losses read in windows, the first non-finite step found, finite losses kept bit for bit.</summary>
public class DivergenceWatchTests
{
    private static DivergenceWatch Watch(params float[] losses)
    {
        TorchRuntime.EnsureInitialized();
        var watch = new DivergenceWatch(20, torch.CPU);
        for (int step = 1; step <= losses.Length; step++)
            using (torch.NewDisposeScope())
                watch.Record(step, torch.tensor(losses[step - 1]));
        return watch;
    }

    private static float[] Finite(int count) => Enumerable.Range(1, count).Select(i => 4f / i).ToArray();

    [Fact]
    public void Finite_losses_pass_and_are_read_back_exactly()
    {
        var losses = Finite(20);
        using var watch = Watch(losses);
        watch.CheckThrough(10).ShouldBeFalse();
        watch.CheckThrough(20).ShouldBeFalse();
        watch.Diverged.ShouldBeFalse();
        watch.DivergedAt.ShouldBeNull();
        watch.CheckedUpTo.ShouldBe(20);
        watch.CheckedLosses.ShouldBe(losses);
        watch.Loss(13).ShouldBe(losses[12]);
    }

    [Theory]
    [InlineData(float.NaN, 7)]
    [InlineData(float.PositiveInfinity, 1)]
    [InlineData(float.NegativeInfinity, 10)]
    public void The_first_non_finite_step_of_the_window_is_the_divergence(float bad, int step)
    {
        var losses = Finite(20);
        losses[step - 1] = bad;
        losses[14] = float.NaN; // a later one never moves it
        using var watch = Watch(losses);
        watch.CheckThrough(10).ShouldBeTrue();
        watch.DivergedAt.ShouldBe(step);
        watch.CheckThrough(20).ShouldBeTrue();
        watch.DivergedAt.ShouldBe(step);
    }

    [Fact]
    public void A_divergence_in_a_later_window_is_found_at_its_own_step()
    {
        var losses = Finite(20);
        losses[14] = float.NaN;
        using var watch = Watch(losses);
        watch.CheckThrough(10).ShouldBeFalse();
        watch.CheckThrough(20).ShouldBeTrue();
        watch.DivergedAt.ShouldBe(15);
        watch.CheckedLosses.Length.ShouldBe(20);
    }

    [Fact]
    public void A_poisoned_step_and_a_step_never_recorded_both_count_as_diverged()
    {
        using (var poisoned = Watch(Finite(10)))
        {
            poisoned.Poison(4);
            poisoned.CheckThrough(10).ShouldBeTrue();
            poisoned.DivergedAt.ShouldBe(4);
        }
        using var unrecorded = Watch(Finite(5));
        unrecorded.CheckThrough(10).ShouldBeTrue();
        unrecorded.DivergedAt.ShouldBe(6);
    }

    [Fact]
    public void An_evaluation_marks_divergence_and_the_first_mark_stays()
    {
        using var watch = Watch(Finite(20));
        watch.MarkDiverged(0);
        watch.MarkDiverged(10);
        watch.DivergedAt.ShouldBe(0);
        watch.Diverged.ShouldBeTrue();
    }
}
