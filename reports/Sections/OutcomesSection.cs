using System.Globalization;
using System.Text;
using ReproSpecs.Harness.Records;
using ReproSpecs.Reports.Logs;
using ReproSpecs.Reports.Markdown;
using ReproSpecs.Reports.Store;

namespace ReproSpecs.Reports.Sections;

/// <summary>Spec outcomes from the merged test logs: a count per architecture, then every test with its reason.</summary>
public static class OutcomesSection
{
    /// <summary>Appends the section.</summary>
    public static void Write(StringBuilder md, ReportContext ctx)
    {
        md.AppendLine("## Spec outcomes").AppendLine();
        var results = ctx.Logs.Results;
        if (results.Count == 0)
        {
            md.AppendLine("No test logs were given (or they hold no results).").AppendLine();
            return;
        }
        md.AppendLine($"From {ctx.Logs.Logs.Count} test log{(ctx.Logs.Logs.Count == 1 ? "" : "s")}. A skipped cell spec with \"all checks passed\" ran every check except the baseline gate (no baseline recorded).").AppendLine();
        var groups = results.GroupBy(r => r.Group).OrderBy(g => g.Key, StudyOrder.Models).ToList();
        var summary = new MdTable("architecture / class", "passed", "failed", "skipped", "total").RightAlign(1, 2, 3, 4);
        foreach (var g in groups)
            summary.Row(Name(g.Key), Count(g, OutcomeKind.Passed), Count(g, OutcomeKind.Failed), Count(g, OutcomeKind.Skipped), g.Count().ToString(CultureInfo.InvariantCulture));
        summary.Row("**all**", Count(results, OutcomeKind.Passed), Count(results, OutcomeKind.Failed), Count(results, OutcomeKind.Skipped), results.Count.ToString(CultureInfo.InvariantCulture));
        summary.WriteTo(md);

        foreach (var g in groups)
        {
            md.AppendLine($"### Outcomes: {Name(g.Key)}").AppendLine();
            var table = new MdTable("test", "profile", "outcome", "time", "message or reason", "log").RightAlign(3);
            foreach (var r in g)
                table.Row(Md.Code(r.Method), r.Profile ?? "?", Outcome(r), Fmt.Seconds(r.Duration.TotalSeconds), Md.Shorten(r.Message), r.Log);
            table.WriteTo(md);
        }
    }

    private static string Name(string group) => group == StudyOrder.ModelDisplayName(group) ? group : $"{StudyOrder.ModelDisplayName(group)} ({group})";

    private static string Count(IEnumerable<SpecOutcome> results, OutcomeKind kind) => results.Count(r => r.Outcome == kind).ToString(CultureInfo.InvariantCulture);

    private static string Outcome(SpecOutcome r) => r.Outcome switch
    {
        OutcomeKind.Failed => r.RawOutcome == "Failed" ? "**failed**" : $"**failed ({r.RawOutcome})**",
        OutcomeKind.Skipped => "skipped",
        _ => "passed",
    };
}
