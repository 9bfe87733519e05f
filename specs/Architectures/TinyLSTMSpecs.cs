using ReproSpecs.Specs.Infrastructure;
using Xunit;

namespace ReproSpecs.Specs.Architectures;

/// <summary>TinyLSTM's specs (see <see cref="ArchitectureSpecs"/>). Run alone with <c>dotnet test specs --filter Arch=tinylstm</c>.</summary>
[Trait("Arch", Name)]
[Collection(ExperimentCollection.Name)]
public sealed class TinyLSTMSpecs(ExperimentFixture fixture) : ArchitectureSpecs(fixture)
{
    private const string Name = "tinylstm";

    /// <inheritdoc />
    protected override string Model => Name;
}
