using ReproSpecs.Harness;
using ReproSpecs.Harness.Records;
using ReproSpecs.Tests.Support;
using Shouldly;
using Xunit;

namespace ReproSpecs.Tests.Configuration;

/// <summary><c>REPROSPECS_WEIGHTS</c> chooses the weights H1–H4 are decided on.</summary>
public sealed class ScoredWeightsSettingTests
{
    [Theory]
    [InlineData(null, ScoredWeights.Last)]
    [InlineData("last", ScoredWeights.Last)]
    [InlineData(" Best ", ScoredWeights.Best)]
    public void The_setting_names_the_weights(string? text, ScoredWeights expected) => ScoredWeightsSetting.Parse(text).ShouldBe(expected);

    [Fact]
    public void Any_other_value_is_one_line_naming_the_choices()
    {
        var e = Should.Throw<ConfigurationException>(() => ScoredWeightsSetting.Parse("final"));
        e.ShouldBeOneLineMentioning("REPROSPECS_WEIGHTS='final'", "'last'", "'best'");
    }
}
