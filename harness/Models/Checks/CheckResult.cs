namespace ReproSpecs.Harness.Models.Checks;

/// <summary>The outcome of one structural check: passed, or the one problem it found, said in a line.</summary>
/// <param name="Check">What was checked, e.g. <c>causality</c>.</param>
/// <param name="Problem">Null when the check passed; otherwise what is wrong and what it means.</param>
public sealed record CheckResult(string Check, string? Problem)
{
    /// <summary>Whether the check found nothing wrong.</summary>
    public bool Passed => Problem is null;

    /// <inheritdoc />
    public override string ToString() => Passed ? $"{Check}: passed" : $"{Check}: {Problem}";
}
