using System.Globalization;

namespace ReproSpecs.Harness.Configuration;

/// <summary>
/// Parses the counts a user types (options and environment variables) into one clear line on bad input,
/// never a <see cref="FormatException"/> or a .NET type name, with the bounds stated.
/// </summary>
public static class WholeNumber
{
    /// <summary>The most trials per cell a run accepts (pairs grow as k²; 1000 trials is already ~500,000 pairs).</summary>
    public const int MaxTrials = 1000;

    /// <summary>The most libtorch threads a run accepts.</summary>
    public const int MaxThreads = 1024;

    /// <summary>
    /// Parses <paramref name="text"/> given as <paramref name="source"/> (an option such as <c>--trials</c>, or
    /// an environment variable's name); null when <paramref name="text"/> is null.
    /// </summary>
    /// <exception cref="ConfigurationException">Not a whole number in [<paramref name="min"/>, <paramref name="max"/>].</exception>
    public static int? Parse(string? text, string source, int min, int max = int.MaxValue)
    {
        if (text is null) return null;
        string range = max == int.MaxValue ? $">= {min}" : $">= {min} and <= {max}";
        string fix = source.StartsWith('-') ? "" : " Fix: set it to a whole number in that range, or unset it.";
        return int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value) && value >= min && value <= max
            ? value
            : throw new ConfigurationException($"{source} must be a whole number {range}, got '{text}'.{fix}");
    }

    /// <summary>Parses environment variable <paramref name="variable"/> (unset or empty: null).</summary>
    /// <exception cref="ConfigurationException">Not a whole number in [<paramref name="min"/>, <paramref name="max"/>].</exception>
    public static int? FromEnvironment(string variable, int min, int max = int.MaxValue) =>
        Parse(EnvironmentVariables.Get(variable), variable, min, max);
}
