using System.CommandLine;
using ReproSpecs.Harness;
using ReproSpecs.Harness.Configuration;
using ReproSpecs.Harness.Records;

namespace ReproSpecs.Cli.Commands;

/// <summary>Options several commands share, with the same defaults as the specs (environment variables).</summary>
internal static class CommonOptions
{
    /// <summary>The profile option; <paramref name="fallback"/> is used when <c>$REPROSPECS_PROFILE</c> is unset too.</summary>
    public static Option<string> Profile(string? fallback = null) => new("--profile", "-p")
    {
        // The default shown by --help ("[default: …]") is this factory's value: $REPROSPECS_PROFILE when set, else the fallback.
        Description = $"Profile: {string.Join(", ", Profiles.All.Select(p => p.Name))} (${EnvironmentVariables.Profile} when set).",
        DefaultValueFactory = _ => EnvironmentVariables.Get(EnvironmentVariables.Profile) ?? fallback ?? Profiles.DefaultName,
    };

    /// <summary>The libtorch threads option (a whole number, parsed by the command so a bad value gets one clear line).</summary>
    public static Option<string?> Threads() => new("--threads")
    {
        Description = $"libtorch threads (default: ${EnvironmentVariables.Threads}, else the profile's: " +
                      $"{string.Join(", ", Profiles.All.Where(p => p.Threads is not null).Select(p => $"{p.Name} {p.Threads}"))}, others all processors).",
    };

    /// <summary>The train-split estimate's batch count (reporting only; a set value changes the config hash).</summary>
    public static Option<string?> TrainLossIters() => new("--train-loss-iters")
    {
        Description = $"Batches of the train-split loss estimate at each periodic evaluation, 1 to the profile's eval_iters (default: ${EnvironmentVariables.TrainLossIters}, else all: the study's). " +
                      "Reporting only: changes no trained weight or probability, only the recorded train-loss curve (and so the config hash).",
    };

    /// <summary>"1 thread", "4 threads".</summary>
    public static string ThreadCount(int n) => n == 1 ? "1 thread" : $"{n} threads";

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
