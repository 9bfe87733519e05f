using ReproSpecs.Harness.Records;

namespace ReproSpecs.Reports.Logs;

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

