using System.Collections;
using ReproSpecs.Harness;
using ReproSpecs.Harness.Configuration;
using Shouldly;
using Xunit;

namespace ReproSpecs.Tests.Configuration;

/// <summary>A misspelled <c>REPROSPECS_*</c> variable is an error naming the closest known one, never silently ignored.</summary>
public sealed class EnvironmentVariableNameTests
{
    [Theory]
    [InlineData("REPROSPECS_PROFLIE", "lite", "REPROSPECS_PROFILE")]
    [InlineData("REPROSPECS_TRAILS", "5", "REPROSPECS_TRIALS")]
    [InlineData("REPROSPECS_THREAD", "2", "REPROSPECS_THREADS")]
    [InlineData("reprospecs_profile", "cpu", "REPROSPECS_PROFILE")]
    public void An_unknown_name_is_an_error_that_names_the_closest_known_one(string name, string value, string closest)
    {
        var e = Should.Throw<ConfigurationException>(() => EnvironmentVariables.CheckNames(new Hashtable { [name] = value, ["PATH"] = "/bin" }));
        e.Message.ShouldStartWith($"Unknown variable {name}='{value}'");
        e.Message.ShouldContain($"Did you mean {closest}?");
        e.Message.ShouldContain("Fix:");
        e.Message.ShouldNotContain("\n");
    }

    [Fact]
    public void Known_names_and_other_variables_pass()
    {
        var environment = new Hashtable { ["PATH"] = "/bin", ["PROFILE"] = "x" };
        foreach (var name in EnvironmentVariables.Known) environment[name] = "1";
        EnvironmentVariables.CheckNames(environment);
    }
}
