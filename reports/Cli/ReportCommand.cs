using System.CommandLine;
using ReproSpecs.Harness;
using ReproSpecs.Harness.Configuration;

namespace ReproSpecs.Reports.Cli;

/// <summary>The command line: <c>dotnet run --project reports -- --logs … [--results …] --out …</c>.</summary>
public static class ReportCommand
{
    private const string Summary =
        "Builds the ReproSpecs results appendix (markdown, self-contained HTML, figures as PNG, SVG and PDF, tables as CSV and LaTeX) from spec test logs and the results store.";

    /// <summary>Builds the root command of the report program.</summary>
    public static RootCommand Create(TextWriter stdout, TextWriter stderr) => Configure(new RootCommand(Summary), stdout, stderr);

    /// <summary>The same command as the CLI's verb: <c>reprospecs report --logs … --out …</c>.</summary>
    public static Command CreateVerb(TextWriter stdout, TextWriter stderr) => Configure(new Command("report", Summary), stdout, stderr);

    private static T Configure<T>(T root, TextWriter stdout, TextWriter stderr) where T : Command
    {
        var logs = new Option<string[]>("--logs", "-l")
        {
            Description = "Test logs: .trx files (dotnet test --logger trx), xunit XML results (xunit.console -xml, dotnet test --logger xunit), or folders searched for them; several shards merge into one report.",
            AllowMultipleArgumentsPerToken = true,
            Arity = ArgumentArity.OneOrMore,
            Required = true,
        };
        var results = new Option<string[]>("--results", "-r")
        {
            Description = $"Results folders the specs wrote (one, or one per shard). Default: ${EnvironmentVariables.Results}, else results/ at the repository root.",
            AllowMultipleArgumentsPerToken = true,
            DefaultValueFactory = _ => [UserPaths.ResultsDirectory()],
        };
        var output = new Option<string>("--out", "-o")
        {
            Description = "Output folder for appendix.md, appendix.html, figures/ and tables/ (created if needed).",
            Required = true,
        };
        var profiles = new Option<string[]>("--profile", "-p")
        {
            Description = "Only report these profiles (repeatable). Default: every profile found.",
            AllowMultipleArgumentsPerToken = true,
        };
        var gate = new Option<bool>("--fail-on-contradiction")
        {
            Description = "Exit 1 when a verdict of the merged report is contradicted (after the report's study-wide adjustment, H3 included) or a results file fails verification: the CI gate over all shards.",
        };
        root.Options.Add(gate);
        root.Options.Add(logs);
        root.Options.Add(results);
        root.Options.Add(output);
        root.Options.Add(profiles);
        root.SetAction(parse =>
        {
            var input = new ReportInput(parse.GetValue(logs) ?? [], parse.GetValue(results) ?? [], parse.GetValue(output)!, parse.GetValue(profiles) ?? []);
            try
            {
                var report = ReportBuilder.Build(input);
                var written = ReportWriter.Write(report, input.OutputDirectory);
                stdout.WriteLine($"Wrote {written.Markdown}");
                stdout.WriteLine($"Wrote {written.Html}");
                stdout.WriteLine($"Wrote {written.Figures.Count} figures (PNG, SVG, PDF) under {Path.GetDirectoryName(written.Markdown)}{Path.DirectorySeparatorChar}figures");
                stdout.WriteLine($"Wrote {report.Tables.Count} tables (CSV, LaTeX) under {Path.GetDirectoryName(written.Markdown)}{Path.DirectorySeparatorChar}tables");
                stdout.WriteLine($"Specs: {report.Outcomes.Passed} passed, {report.Outcomes.Failed} failed, {report.Outcomes.Skipped} skipped.");
                if (report.Contradicted.Count > 0)
                {
                    stderr.WriteLine($"Contradicted: {string.Join("; ", report.Contradicted)}.");
                    if (parse.GetValue(gate)) return 1;
                }
                if (report.Problems > 0 && parse.GetValue(gate))
                {
                    stderr.WriteLine($"error: {report.Problems} results file(s) failed verification; the gate cannot vouch for a study it cannot read whole. They are listed in the report.");
                    return 1;
                }
                if (report.Problems > 0)
                    stderr.WriteLine($"Warning: {report.Problems} results file(s) failed verification (altered or unreadable); they are flagged in the report and excluded from its numbers.");
                return 0;
            }
            catch (ReproSpecsException e)
            {
                stderr.WriteLine($"error: {e.Message}");
                return 2;
            }
        });
        return root;
    }
}
