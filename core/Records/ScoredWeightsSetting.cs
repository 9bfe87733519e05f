using ReproSpecs.Harness.Configuration;

namespace ReproSpecs.Harness.Records;

/// <summary>Parses <c>REPROSPECS_WEIGHTS</c>.</summary>
public static class ScoredWeightsSetting
{
    /// <summary>The weights named by <paramref name="text"/> (<c>last</c> or <c>best</c>; null: last).</summary>
    /// <exception cref="ConfigurationException">Any other value.</exception>
    public static ScoredWeights Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "last" => ScoredWeights.Last,
        "best" => ScoredWeights.Best,
        _ => throw new ConfigurationException($"{EnvironmentVariables.Weights}='{text}' must be 'last' (final weights, the default) or 'best' (best-validation weights)."),
    };
}
