using ReproSpecs.Harness.Design;
using ReproSpecs.Harness.Extensions;

namespace MyModels;

/// <summary>Registers the model and the activation: found by the spec framework in the test assembly, and by reprospecs --plugin.</summary>
public sealed class MyPlugin : IReproSpecsPlugin
{
    public void Configure(ReproSpecsOptions options) => options
        .UseActivation("squareplus", "Squareplus", Squareplus.Formula, Squareplus.Apply)
        .UseModel("bigram", "Bigram", ArchitectureFamily.Convolutional, c => new Bigram(c), Bigram.ExpectedParameters, activationSites: _ => 1);
}
