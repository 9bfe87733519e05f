using ReproSpecs.Harness.Design;
using ReproSpecs.Harness.Extensions;
using ReproSpecs.Harness.Models;
using ReproSpecs.Tests.Models.Fakes;

namespace ReproSpecs.Tests.Extensions;

/// <summary>A user's plugin as the tests see one: a model and an activation under names no other test uses.</summary>
public sealed class ProbePlugin : IReproSpecsPlugin
{
    public const string Model = "probe_plugin_model";
    public const string Activation = "probe_plugin_act";

    public void Configure(ReproSpecsOptions options) => options
        .UseActivation(Activation, "Probe activation", "x / 2", x => x / 2)
        .UseModel(Model, "Probe Model", ArchitectureFamily.Recurrent, c => new ConstantLM(c), c => c.VocabSize);
}
