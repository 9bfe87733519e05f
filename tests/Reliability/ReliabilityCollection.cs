using Xunit;

namespace ReproSpecs.Tests.Reliability;

/// <summary>
/// The child-process tests train on every core; running them alone (after the parallel tests) keeps
/// them from starving, and being starved by, the rest of the suite.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ReliabilityCollection
{
    public const string Name = "Reliability (child processes)";
}
