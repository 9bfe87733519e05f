using System.CommandLine;
using ReproSpecs.Cli.Commands;

var root = new RootCommand("ReproSpecs: reproducibility of language models, as tests.")
{
    RunCommand.Create(),
    BaselinesCommand.Create(),
    BenchCommand.Create(),
    ReproSpecs.Reports.Cli.ReportCommand.CreateVerb(Console.Out, Console.Error),
};
return root.Parse(args).Invoke();
