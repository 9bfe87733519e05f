using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace ReproSpecs.Specs.Infrastructure;

/// <summary>The one collection every spec class joins.</summary>
[CollectionDefinition(Name)]
public sealed class ExperimentCollection : ICollectionFixture<ExperimentFixture>
{
    /// <summary>Collection name.</summary>
    public const string Name = "Experiment";
}
