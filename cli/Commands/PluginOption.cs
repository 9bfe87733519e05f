using System.CommandLine;
using ReproSpecs.Harness;
using ReproSpecs.Harness.Extensions;

namespace ReproSpecs.Cli.Commands;

/// <summary>
/// <c>--plugin path.dll</c> (any command, repeatable): loads a user's assembly and applies its
/// <see cref="IReproSpecsPlugin"/>s, so <c>run --arch mymodel</c> trains a user's model and <c>report</c> names a user's
/// cells with their own display names and formulas.
/// </summary>
internal static class PluginOption
{
    public static Option<string[]> Create() => new("--plugin")
    {
        Description = "An assembly with your IReproSpecsPlugin registrations (models, activations); repeatable.",
        Recursive = true,
        AllowMultipleArgumentsPerToken = false,
    };

    /// <summary>Applies every plugin; returns null, or the exit code (2) after one line naming the problem.</summary>
    public static int? Load(IReadOnlyList<string> paths)
    {
        try
        {
            foreach (var path in paths)
            {
                var options = ReproSpecsPlugins.Load(path);
                Console.Error.WriteLine($"plugin {Path.GetFileName(path)}: " +
                    string.Join(", ", options.Models.Select(m => $"model {m.Name}").Concat(options.Activations.Select(a => $"activation {a.Name}"))));
            }
            return null;
        }
        catch (ReproSpecsException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 2;
        }
    }
}
