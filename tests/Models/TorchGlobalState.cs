using Xunit;

namespace ReproSpecs.Tests.Models;

/// <summary>
/// Tests that seed torch's global generator (every model construction draws from it) join this
/// collection: it runs alone, so no other test can draw from the generator between a seed and a build.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TorchGlobalState
{
    /// <summary>Collection name.</summary>
    public const string Name = "Torch global generator";
}
