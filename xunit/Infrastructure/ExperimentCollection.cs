namespace ReproSpecs.Specs.Infrastructure;

/// <summary>
/// The one collection every spec class joins (<see cref="Architectures.ArchitectureSpecs"/> carries it). xunit reads a
/// collection's definition from the test assembly only, so the definition itself is compiled into the test project
/// (build/ReproSpecsTestAssembly.cs, added by this package).
/// </summary>
public static class ExperimentCollection
{
    /// <summary>Collection name.</summary>
    public const string Name = "Experiment";
}
