using ReproSpecs.Harness.Records;

namespace ReproSpecs.Reports.Logs;

/// <summary>How a test ended, as the report groups it.</summary>
public enum OutcomeKind
{
    /// <summary>Passed.</summary>
    Passed,
    /// <summary>Failed, errored, timed out or aborted.</summary>
    Failed,
    /// <summary>Not executed: skipped, with a reason.</summary>
    Skipped,
}

/// <summary>One test result from a test log.</summary>
/// <param name="TestName">Full display name, e.g. <c>ReproSpecs.Specs.Architectures.CharLMSpecs.Cell_…(activation: "gelu")</c>.</param>
/// <param name="ClassName">Test class, e.g. <c>ReproSpecs.Specs.Architectures.CharLMSpecs</c>.</param>
/// <param name="Method">Method name with arguments, e.g. <c>Cell_…(activation: "gelu")</c>.</param>
/// <param name="Group">Architecture (the <c>Arch</c> trait, else derived from the class name) or the class's name.</param>
/// <param name="Profile">Profile the test ran under, when the log says (its message or the run's diagnostics).</param>
/// <param name="Activation">The <c>activation</c> argument of a theory, when it has one.</param>
/// <param name="Outcome">Grouped outcome.</param>
/// <param name="RawOutcome">The log's own outcome word (e.g. <c>NotExecuted</c>, <c>Timeout</c>).</param>
/// <param name="Message">Failure message or skip reason (empty when passed).</param>
/// <param name="Duration">Run time.</param>
/// <param name="Log">The log file it came from.</param>
public sealed record SpecOutcome(
    string TestName,
    string ClassName,
    string Method,
    string Group,
    string? Profile,
    string? Activation,
    OutcomeKind Outcome,
    string RawOutcome,
    string Message,
    TimeSpan Duration,
    string Log);

/// <summary>One test log (one shard's run).</summary>
/// <param name="Path">Absolute path.</param>
/// <param name="DisplayPath">How the report names it.</param>
/// <param name="Computer">Machine it ran on.</param>
/// <param name="Started">When the run started.</param>
/// <param name="Finished">When it finished.</param>
/// <param name="Profile">Profile announced by the run's diagnostics, when present.</param>
/// <param name="Results">Its test results.</param>
public sealed record TestLog(string Path, string DisplayPath, string? Computer, DateTimeOffset? Started, DateTimeOffset? Finished, string? Profile, IReadOnlyList<SpecOutcome> Results);
