using ReproSpecs.Specs.Infrastructure;
using Xunit;

namespace ReproSpecs.Specs.Architectures;

/// <summary>ConvLM's specs (see <see cref="ArchitectureSpecs"/>). Run alone with <c>dotnet test specs --filter Arch=convlm</c>.</summary>
[Trait("Arch", Name)]
[Collection(ExperimentCollection.Name)]
public sealed class ConvLMSpecs(ExperimentFixture fixture) : ArchitectureSpecs(fixture)
{
    private const string Name = "convlm";

    /// <inheritdoc />
    protected override string Model => Name;
}
