using ReproSpecs.Specs.Infrastructure;
using Xunit;

namespace ReproSpecs.Specs.Architectures;

/// <summary>CharLM's specs (see <see cref="ArchitectureSpecs"/>). Run alone with <c>dotnet test specs --filter Arch=charlm</c>.</summary>
[Trait("Arch", Name)]
[Collection(ExperimentCollection.Name)]
public sealed class CharLMSpecs(ExperimentFixture fixture) : ArchitectureSpecs(fixture)
{
    private const string Name = "charlm";

    /// <inheritdoc />
    protected override string Model => Name;
}
