using ReproSpecs.Harness;
using ReproSpecs.Harness.Cells;
using ReproSpecs.Harness.Configuration;
using ReproSpecs.Harness.Data;
using ReproSpecs.Harness.Records;
using ReproSpecs.Harness.Results;
using ReproSpecs.Harness.Runtime;
using ReproSpecs.Harness.Training;
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
