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
