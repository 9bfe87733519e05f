using System.CommandLine;
using ReproSpecs.Cli.Commands;

var plugin = PluginOption.Create();
var root = new RootCommand("ReproSpecs: reproducibility of language models, as tests.")
{
    RunCommand.Create(),
    MergeCommand.Create(),
    BaselinesCommand.Create(),
    BenchCommand.Create(),
    ReproSpecs.Reports.Cli.ReportCommand.CreateVerb(Console.Out, Console.Error),
};
root.Options.Add(plugin);
var parse = root.Parse(args);
// A user's models and activations are registered before any command reads a registry (run trains them, report names them).
if (parse.Errors.Count == 0 && PluginOption.Load(parse.GetValue(plugin) ?? []) is { } failed) return failed;
return parse.Invoke();
