using ReproSpecs.Harness.Configuration;
using ReproSpecs.Harness.Training;

namespace ReproSpecs.Specs.Infrastructure;

/// <summary>
/// What a spec run is configured with. Runsettings files (<c>runsettings/*.runsettings</c>) set these
/// environment variables; with none, the smoke profile runs.
/// </summary>
public sealed record SpecSettings(Profile Profile, int Trials, string ResultsDirectory, int Threads)
{
    /// <summary>Reads the settings from the environment.</summary>
    public static SpecSettings FromEnvironment()
    {
        var profile = Profiles.Get(EnvironmentVariables.Get(EnvironmentVariables.Profile) ?? Profiles.DefaultName);
        int trials = ParseInt(EnvironmentVariables.Trials) ?? profile.Trials;
        int threads = ParseInt(EnvironmentVariables.Threads) ?? Environment.ProcessorCount;
        return new SpecSettings(profile with { Trials = trials }, trials, UserPaths.ResultsDirectory(), threads);
    }

    private static int? ParseInt(string variable)
    {
        string? text = EnvironmentVariables.Get(variable);
        if (text is null) return null;
        return int.TryParse(text, out int value)
            ? value
            : throw new Harness.ConfigurationException($"{variable}='{text}' is not a whole number. Fix: set it to an integer or unset it.");
    }
}
