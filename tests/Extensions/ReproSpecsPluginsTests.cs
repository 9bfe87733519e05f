using ReproSpecs.Harness;
using ReproSpecs.Harness.Activations;
using ReproSpecs.Harness.Design;
using ReproSpecs.Harness.Extensions;
using ReproSpecs.Harness.Models;
using ReproSpecs.Tests.Support;
using Shouldly;
using Xunit;

namespace ReproSpecs.Tests.Extensions;

/// <summary><c>--plugin path.dll</c> and the spec framework: a plugin is found by type, and a bad path says its fix.</summary>
public class ReproSpecsPluginsTests
{
    [Fact]
    public void An_assemblys_public_plugin_types_are_found_and_applied()
    {
        var options = ReproSpecsPlugins.Load(typeof(ProbePlugin).Assembly.Location);
        options.Models.Select(m => m.Name).ShouldBe([ProbePlugin.Model]);
        options.Activations.Select(a => a.Name).ShouldBe([ProbePlugin.Activation]);
        ModelRegistry.Get(ProbePlugin.Model).DisplayName.ShouldBe("Probe Model");
        ActivationRegistry.Get(ProbePlugin.Activation).Formula.ShouldBe("x / 2");
        KnownNames.Architecture(ProbePlugin.Model)!.Family.ShouldBe(ArchitectureFamily.Recurrent);
    }

    [Fact]
    public void A_missing_file_says_which_path_to_pass()
    {
        var error = Should.Throw<ConfigurationException>(() => ReproSpecsPlugins.Load(Path.Combine(Path.GetTempPath(), "no-such-plugin.dll")));
        error.Message.ShouldContain("no such file");
        error.Message.ShouldContain("Fix:");
    }

    [Fact]
    public void A_file_that_is_not_an_assembly_says_so()
    {
        using var dir = new TempDirectory();
        string path = Path.Combine(dir.Path, "notes.dll");
        File.WriteAllText(path, "not a PE image");
        Should.Throw<ConfigurationException>(() => ReproSpecsPlugins.Load(path)).Message.ShouldContain("not a .NET assembly");
    }

    [Fact]
    public void An_assembly_without_a_plugin_says_how_to_write_one()
    {
        // Core has no plugin type: loading it registers nothing, which is a mistake worth one line.
        var error = Should.Throw<ConfigurationException>(() => ReproSpecsPlugins.Load(typeof(KnownNames).Assembly.Location));
        error.Message.ShouldContain(nameof(IReproSpecsPlugin));
    }
}
