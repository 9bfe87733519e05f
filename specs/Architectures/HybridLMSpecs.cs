using ReproSpecs.Specs.Infrastructure;
using Xunit;

namespace ReproSpecs.Specs.Architectures;

/// <summary>HybridLM's specs (see <see cref="ArchitectureSpecs"/>). Run alone with <c>dotnet test specs --filter Arch=hybridlm</c>.</summary>
[Trait("Arch", Name)]
[Collection(ExperimentCollection.Name)]
public sealed class HybridLMSpecs(ExperimentFixture fixture) : ArchitectureSpecs(fixture)
{
    private const string Name = "hybridlm";

    /// <inheritdoc />
    protected override string Model => Name;
}
