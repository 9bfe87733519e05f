using ReproSpecs.Harness;
using ReproSpecs.Harness.Statistics;
using Shouldly;
using Xunit;

namespace ReproSpecs.Tests.Statistics.Sequential;

/// <summary>The pre-registered looks and the settings that ask for them.</summary>
public class LookScheduleTests
{
    [Theory]
    [InlineData(10, new[] { 3, 5, 8, 10 })]
    [InlineData(40, new[] { 3, 5, 8, 12, 20, 30, 40 })]
    [InlineData(3, new[] { 3 })]
    [InlineData(12, new[] { 3, 5, 8, 12 })]
    public void The_standard_looks_stop_at_the_cap(int cap, int[] looks) => LookSchedule.UpTo(cap).Trials.ShouldBe(looks);

    [Fact]
    public void A_cap_below_three_trials_names_the_fix() =>
        Should.Throw<ConfigurationException>(() => LookSchedule.UpTo(2)).Message.ShouldContain("REPROSPECS_MAX_TRIALS");

    [Fact]
    public void Auto_asks_for_a_sequential_design_with_the_default_cap_and_margin()
    {
        var plan = TrialPlan.Parse("auto", null, null, 3, 0.05);
        plan.Sequential.ShouldNotBeNull().Schedule.Cap.ShouldBe(TrialPlan.DefaultCap);
        plan.Sequential.EquivalenceMarginPercent.ShouldBe(5);
        plan.Fixed.ShouldBe(3);
        TrialPlan.Parse(" AUTO ", "10", "2.5", 3, 0.05).Sequential!.Schedule.Trials.ShouldBe([3, 5, 8, 10]);
    }

    [Fact]
    public void A_number_is_a_fixed_design() => TrialPlan.Parse("7", null, null, 3, 0.05).ShouldBe(new TrialPlan(7, null));

    [Theory]
    [InlineData("auto", "abc", null, "REPROSPECS_MAX_TRIALS must be a whole number >= 3")]
    [InlineData("auto", null, "-1", "REPROSPECS_EQUIVALENCE_MARGIN must be a percentage")]
    [InlineData("5", "10", null, "REPROSPECS_MAX_TRIALS only applies to a sequential design")]
    [InlineData(null, null, "5", "REPROSPECS_EQUIVALENCE_MARGIN only applies to a sequential design")]
    [InlineData("automatic", null, null, "REPROSPECS_TRIALS must be a whole number")]
    public void Bad_settings_give_one_line_that_names_the_setting_and_the_fix(string? trials, string? cap, string? margin, string expected)
    {
        var message = Should.Throw<ConfigurationException>(() => TrialPlan.Parse(trials, cap, margin, 3, 0.05)).Message;
        message.ShouldContain(expected);
        message.ShouldContain("Fix:");
        message.ShouldNotContain("\n");
    }
}
