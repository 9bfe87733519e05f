using System.Globalization;

namespace ReproSpecs.Harness.Training;

/// <summary>
/// Fault seam: <c>REPROSPECS_FAULT_DIVERGE=STEP</c> (every trial) or <c>STEP:TRIAL</c> (one trial, 0-based)
/// makes the training loss of that step NaN, so divergence can be exercised end to end through the
/// command (like <c>REPROSPECS_FAULT_WRITE_DELAY_MS</c> for writes). Unset, or not in that form: no fault.
/// Only the reliability tests and the soak driver set it.
/// </summary>
internal static class DivergenceFault
{
    /// <summary>The variable's name.</summary>
    public const string Variable = Configuration.EnvironmentVariables.FaultDiverge;

    private static readonly (int Step, int? Trial)? Fault = Parse(Configuration.EnvironmentVariables.Get(Variable));

    /// <summary>True when the loss of <paramref name="step"/> (1-based) of trial <paramref name="trial"/> must be made NaN.</summary>
    public static bool At(int trial, int step) => Fault is { } f && f.Step == step && (f.Trial is null || f.Trial == trial);

    private static (int, int?)? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var parts = text.Split(':');
        if (!int.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out int step) || step < 1) return null;
        if (parts.Length == 1) return (step, null);
        return int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out int trial) ? (step, trial) : null;
    }
}
