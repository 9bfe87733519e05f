using ReproSpecs.Harness.Benchmarks;
using ReproSpecs.Harness.Records;
using Shouldly;
using Xunit;

namespace ReproSpecs.Tests.Benchmarks;

/// <summary>The arithmetic that turns a trial's measured parts into trial, cell and per-hour figures.</summary>
public class TrialCostTests
{
    [Theory]
    [InlineData(200, 50, 5)]   // steps 0, 50, 100, 150, 200
    [InlineData(150, 50, 4)]
    [InlineData(20, 10, 3)]
    [InlineData(210, 50, 6)]   // … 200 and the last step, 210
    public void Periodic_evaluations_are_step_0_every_interval_and_the_last_step(int steps, int interval, int expected) =>
        TrialCost.EvaluationsPerTrial(steps, interval).ShouldBe(expected);

    [Fact]
    public void A_cpu_trial_adds_its_steps_its_evaluations_and_three_scorings()
    {
        // 200 steps × 200 ms = 40 s, 5 evaluations × 6 s = 30 s, 3 × 1 s scoring: 73 s a trial.
        var cost = TrialCost.For(Profiles.Cpu, stepMs: 200, evalSeconds: 6, scoreSeconds: 1);

        cost.TrainSeconds.ShouldBe(40, 1e-9);
        cost.PeriodicEvalSeconds.ShouldBe(30, 1e-9);
        cost.TrialSeconds.ShouldBe(73, 1e-9);
        cost.PeriodicEvalShare.ShouldBe(30.0 / 73, 1e-12);
        cost.CellSeconds(3).ShouldBe(219, 1e-9);
        cost.CellSeconds(3, workers: 2).ShouldBe(146, 1e-9, "two rounds: two trials at once, then the third");
        cost.TrialsPerHour().ShouldBe(3600.0 / 73, 1e-9);
        cost.TrialsPerHour(workers: 2).ShouldBe(7200.0 / 73, 1e-9);
    }
}
