using ReproSpecs.Harness.Records;
using ReproSpecs.Harness.Runtime;
using ReproSpecs.Harness.Training;
using Shouldly;
using TorchSharp;
using Xunit;

namespace ReproSpecs.Tests.Training;

/// <summary>The learning-rate schedule: constant leaves the optimiser alone; cosine decays from the rate towards a tenth.</summary>
public class LearningRateScheduleTests
{
    private const double Rate = 3e-3;
    private const int MaxIters = 200;

    [Fact]
    public void Constant_is_the_base_rate_at_every_step()
    {
        var schedule = new LearningRateSchedule(LrSchedule.Constant, Rate, MaxIters);
        schedule.Decays.ShouldBeFalse();
        foreach (int step in new[] { 1, 2, 100, MaxIters }) schedule.At(step).ShouldBe(Rate);
    }

    [Fact]
    public void Cosine_starts_at_the_rate_halves_the_span_midway_and_ends_just_above_a_tenth()
    {
        var schedule = new LearningRateSchedule(LrSchedule.Cosine, Rate, MaxIters);
        schedule.Decays.ShouldBeTrue();
        schedule.At(1).ShouldBe(Rate, 1e-18);
        schedule.At(MaxIters / 2 + 1).ShouldBe(Rate * 0.55, 1e-15);   // cos(π/2) = 0: floor + half the span
        schedule.At(MaxIters).ShouldBeGreaterThan(Rate * 0.1);
        schedule.At(MaxIters).ShouldBe(Rate * 0.1, Rate * 1e-3);      // one step short of the floor
        schedule.At(MaxIters + 1).ShouldBe(Rate * 0.1, 1e-15);
        for (int step = 2; step <= MaxIters; step++) schedule.At(step).ShouldBeLessThan(schedule.At(step - 1));
    }

    [Fact]
    public void Cosine_is_bit_identical_to_the_formula_results_were_trained_with()
    {
        // The trainer's formula before the schedule was extracted; stored results depend on every bit of it.
        var schedule = new LearningRateSchedule(LrSchedule.Cosine, Rate, MaxIters);
        for (int step = 1; step <= MaxIters; step++)
            BitConverter.DoubleToInt64Bits(schedule.At(step))
                .ShouldBe(BitConverter.DoubleToInt64Bits(Rate * (0.1 + 0.45 * (1 + Math.Cos(Math.PI * (step - 1) / MaxIters)))), $"step {step}");
    }

    [Fact]
    public void The_named_constants_are_the_formula_s_literals_bit_for_bit()
    {
        BitConverter.DoubleToInt64Bits(LearningRateSchedule.FloorFraction).ShouldBe(BitConverter.DoubleToInt64Bits(0.1));
        BitConverter.DoubleToInt64Bits(LearningRateSchedule.HalfSpan).ShouldBe(BitConverter.DoubleToInt64Bits(0.45));
    }

    [Fact]
    public void Apply_sets_every_group_under_cosine_and_leaves_the_rate_under_constant()
    {
        TorchRuntime.EnsureInitialized();
        using var weight = new TorchSharp.Modules.Parameter(torch.zeros(2));
        using var optimizer = Optimization.AdamW([weight], Rate, 0.9, 0.99, 0.1);

        new LearningRateSchedule(LrSchedule.Constant, 1.0, MaxIters).Apply(optimizer, 50);
        optimizer.ParamGroups.ShouldAllBe(g => g.LearningRate == Rate);

        var cosine = new LearningRateSchedule(LrSchedule.Cosine, Rate, MaxIters);
        cosine.Apply(optimizer, 50);
        optimizer.ParamGroups.ShouldAllBe(g => g.LearningRate == cosine.At(50));
    }
}
