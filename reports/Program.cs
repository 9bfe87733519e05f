using ReproSpecs.Reports.Cli;

return ReportCommand.Create(Console.Out, Console.Error).Parse(args).Invoke();
