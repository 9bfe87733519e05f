using MyModels;
using ReproSpecs.Specs.Architectures;
using ReproSpecs.Specs.Infrastructure;
using Xunit;

// The spec framework applies this assembly's plugins before it discovers specs; MyPlugin lives in MyModels, so name it.
[assembly: ReproSpecs.Harness.Extensions.ReproSpecsPlugin(typeof(MyPlugin))]

namespace MyModels.Specs;

/// <summary>Every spec of ArchitectureSpecs, on the bigram model, over the study's six activations and squareplus.</summary>
[Trait("Arch", "bigram")]
public sealed class BigramSpecs(ExperimentFixture fixture) : ArchitectureSpecs(fixture)
{
    protected override string Model => "bigram";
}
