using ReproSpecs.Specs.Infrastructure;
using Xunit;

namespace ReproSpecs.Specs.Architectures;

/// <summary>NanoTransformer's specs (see <see cref="ArchitectureSpecs"/>). Run alone with <c>dotnet test specs --filter Arch=nanotransformer</c>.</summary>
[Trait("Arch", Name)]
[Collection(ExperimentCollection.Name)]
public sealed class NanoTransformerSpecs(ExperimentFixture fixture) : ArchitectureSpecs(fixture)
{
    private const string Name = "nanotransformer";

    /// <inheritdoc />
    protected override string Model => Name;
}
