// Added to this test project by ReproSpecs.Xunit (build/ReproSpecs.Xunit.targets; ReproSpecsTestAssembly=false removes it).
// The spec framework records the run's plan and applies this assembly's IReproSpecsPlugin registrations before discovery.
[assembly: global::Xunit.TestFramework("ReproSpecs.Specs.Infrastructure.PlanRecordingFramework", "ReproSpecs.Xunit")]

namespace ReproSpecs.Specs.Infrastructure.TestAssembly
{
    /// <summary>The one collection every spec class joins, sharing one <see cref="global::ReproSpecs.Specs.Infrastructure.ExperimentFixture"/>.</summary>
    [global::Xunit.CollectionDefinition(global::ReproSpecs.Specs.Infrastructure.ExperimentCollection.Name)]
    public sealed class ReproSpecsExperimentCollection : global::Xunit.ICollectionFixture<global::ReproSpecs.Specs.Infrastructure.ExperimentFixture>
    {
    }
}
