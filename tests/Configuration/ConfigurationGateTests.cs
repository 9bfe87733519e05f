using ReproSpecs.Harness.Configuration;
using ReproSpecs.Harness.Data;
using Shouldly;
using Xunit;

namespace ReproSpecs.Tests.Configuration;

/// <summary>A configuration error is reported once, as one line with its fix, and stops the run (here: a recording stop).</summary>
public sealed class ConfigurationGateTests
{
    [Fact]
    public void A_good_setting_passes_through_and_nothing_is_reported()
    {
        var stops = new List<string>();
        ConfigurationGate.Check(() => 42, stops.Add).ShouldBe(42);
        stops.ShouldBeEmpty();
    }

    [Fact]
    public void A_bad_corpus_is_reported_once_as_one_line_with_the_fix()
    {
        var stops = new List<string>();
        Should.Throw<CorpusException>(() =>
            ConfigurationGate.Check(() => CorpusLoader.Load(new CorpusOptions { ExplicitPath = "/nonexistent/corpus.txt" }), stops.Add));

        stops.Count.ShouldBe(1);
        stops[0].ShouldStartWith("ReproSpecs configuration error: Corpus ");
        stops[0].ShouldContain("does not exist. Fix:");
        stops[0].ShouldNotContain("\n");
    }

    [Fact]
    public void Errors_that_are_not_configuration_errors_are_not_swallowed_as_such()
    {
        var stops = new List<string>();
        Should.Throw<InvalidOperationException>(() => ConfigurationGate.Check<int>(() => throw new InvalidOperationException("bug"), stops.Add));
        stops.ShouldBeEmpty();
    }
}
