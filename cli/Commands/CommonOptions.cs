using System.CommandLine;
using ReproSpecs.Harness;
using ReproSpecs.Harness.Configuration;
using ReproSpecs.Harness.Records;
using ReproSpecs.Harness.Training;

namespace ReproSpecs.Cli.Commands;

/// <summary>Options several commands share, with the same defaults as the specs (environment variables).</summary>
internal static class CommonOptions
{
    public static Option<string> Profile() => new("--profile", "-p")
    {
        Description = $"Profile: {string.Join(", ", Profiles.All.Select(p => p.Name))} (default: ${EnvironmentVariables.Profile} or {Profiles.DefaultName}).",
        DefaultValueFactory = _ => EnvironmentVariables.Get(EnvironmentVariables.Profile) ?? Profiles.DefaultName,
    };

    public static Option<string> Results() => new("--results")
    {
        Description = $"Results folder (default: ${EnvironmentVariables.Results}, else results/ at the repository root).",
        DefaultValueFactory = _ => UserPaths.ResultsDirectory(),
    };

    /// <summary>
    /// Runs a command body, printing a <see cref="ReproSpecsException"/> as one line on stderr (exit 2)
    /// instead of a stack trace.
    /// </summary>
    public static int Guard(Func<int> body)
    {
        try
        {
            EnvironmentVariables.CheckNames();
            return body();
        }
        catch (ReproSpecsException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 2;
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("interrupted: finished trials are saved; rerun the same command to resume.");
            return 130;
        }
    }

    /// <summary>Expands a list that may contain <c>all</c> into the known names, checking each.</summary>
    public static IReadOnlyList<string> Expand(IReadOnlyList<string> requested, IReadOnlyList<string> all, Func<string, string> check)
    {
        var names = requested.SelectMany(r => r.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        if (names.Count == 0 || names.Contains("all", StringComparer.OrdinalIgnoreCase)) return all;
        return names.Select(check).Distinct().ToList();
    }
}
