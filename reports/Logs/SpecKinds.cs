namespace ReproSpecs.Reports.Logs;

/// <summary>
/// Which spec a test result is, from its method name: the specs name a cell's own theory <c>Cell_…</c> and the
/// per-activation H1 theory <c>H1_…</c> (<c>specs/Architectures/ArchitectureSpecs.cs</c>). Both take the cell's
/// activation, so the report tells them apart by name to show each outcome in its own column.
/// </summary>
public static class SpecKinds
{
    /// <summary>The cell's own spec: finite, learns, within its baseline.</summary>
    public static bool IsCellSpec(SpecOutcome o) => o.Activation is not null && o.Method.StartsWith("Cell_", StringComparison.Ordinal);

    /// <summary>The cell's H1 theory (its activation against the baseline).</summary>
    public static bool IsH1Spec(SpecOutcome o) => o.Activation is not null && o.Method.StartsWith("H1_", StringComparison.Ordinal);
}
