using ReproSpecs.Harness.Results;

namespace ReproSpecs.Tests.Reliability;

/// <summary>
/// Whether this run's assemblies are instrumented for code coverage. A child process started as another user then
/// crashes at exit (its coverage tracker writes to a file the first user owns), which says nothing about the store,
/// so the faults that run the CLI as another user are skipped under coverage, with this reason.
/// </summary>
internal static class CoverageProbe
{
    /// <summary>True when coverlet has instrumented the harness's assemblies.</summary>
    public static bool Instrumented { get; } =
        typeof(ResultStore).Assembly.GetTypes().Any(t => t.Namespace?.StartsWith("Coverlet.Core.Instrumentation", StringComparison.Ordinal) == true);

    /// <summary>Why a fault run as another user is skipped under coverage.</summary>
    public const string SkipReason =
        "code coverage instruments the child process, whose tracker cannot write as another user; run without --collect to exercise this fault";
}
