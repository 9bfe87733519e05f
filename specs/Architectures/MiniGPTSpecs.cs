using ReproSpecs.Specs.Infrastructure;
using Xunit;

namespace ReproSpecs.Specs.Architectures;

/// <summary>MiniGPT's specs (see <see cref="ArchitectureSpecs"/>). Run alone with <c>dotnet test specs --filter Arch=minigpt</c>.</summary>
[Trait("Arch", Name)]
[Collection(ExperimentCollection.Name)]
public sealed class MiniGPTSpecs(ExperimentFixture fixture) : ArchitectureSpecs(fixture)
{
    private const string Name = "minigpt";

    /// <inheritdoc />
    protected override string Model => Name;
}
