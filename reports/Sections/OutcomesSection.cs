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
        md.AppendLine($"From {ctx.Logs.Logs.Count} test log{(ctx.Logs.Logs.Count == 1 ? "" : "s")}. A skipped cell spec with \"all checks passed\" ran every check except the baseline gate (no baseline recorded). " +
                      "A cell's trials are trained once per run, by whichever spec needs them first (usually a hypothesis spec), so a cell spec's own test time is mostly near zero: " +
                      "the cell training column gives the training time its results file records, summed over its trials.").AppendLine();
        var groups = results.GroupBy(r => r.Group).OrderBy(g => g.Key, StudyOrder.Models).ToList();
        var summary = new MdTable("architecture / class", "passed", "failed", "skipped", "total").RightAlign(1, 2, 3, 4);
        foreach (var g in groups)
            summary.Row(Name(g.Key), Count(g, OutcomeKind.Passed), Count(g, OutcomeKind.Failed), Count(g, OutcomeKind.Skipped), g.Count().ToString(CultureInfo.InvariantCulture));
        summary.Row("**all**", Count(results, OutcomeKind.Passed), Count(results, OutcomeKind.Failed), Count(results, OutcomeKind.Skipped), results.Count.ToString(CultureInfo.InvariantCulture));
        summary.WriteTo(md);

        foreach (var g in groups)
        {
            md.AppendLine($"### Outcomes: {Name(g.Key)}").AppendLine();
            // One log: named once under the table, not in a column of long paths on every row.
            var logs = g.Select(r => r.Log).Distinct().ToList();
            string[] headers = ["test", "profile", "outcome", "test time", "cell training", "message or reason", .. logs.Count > 1 ? new[] { "log" } : []];
            var table = new MdTable(headers).RightAlign(3, 4);
            foreach (var r in g)
            {
                string[] row = [Md.Code(r.Method), r.Profile ?? "?", Outcome(r), Fmt.Seconds(r.Duration.TotalSeconds), Training(ctx, r), Md.Shorten(r.Message)];
                table.Row(logs.Count > 1 ? [.. row, r.Log] : row);
            }
            table.WriteTo(md);
            if (logs.Count == 1) md.AppendLine($"All from {logs[0]}.").AppendLine();
        }
    }

    /// <summary>A cell spec's cell: the training time its verified results file records (all trials); "—" for other specs.</summary>
    private static string Training(ReportContext ctx, SpecOutcome r)
    {
        if (!SpecKinds.IsCellSpec(r) || r.Profile is null) return "—";
        var cell = ctx.Catalog.GoodCells.FirstOrDefault(c => c.Config.Profile == r.Profile && c.Config.Model == r.Group && c.Config.Activation == r.Activation);
        if (cell is null) return "—";
        var trials = cell.Trials.Where(t => t.Status == TrialStatus.Completed).ToList();
        return $"{Fmt.Seconds(trials.Sum(t => t.Timing.TrainSeconds))} ({trials.Count.ToString(CultureInfo.InvariantCulture)} trial{(trials.Count == 1 ? "" : "s")})";
    }

    private static string Name(string group) => group == StudyOrder.ModelDisplayName(group) ? group : $"{StudyOrder.ModelDisplayName(group)} ({group})";

    private static string Count(IEnumerable<SpecOutcome> results, OutcomeKind kind) => results.Count(r => r.Outcome == kind).ToString(CultureInfo.InvariantCulture);

    private static string Outcome(SpecOutcome r) => r.Outcome switch
    {
        OutcomeKind.Failed => r.RawOutcome is "Failed" or "Fail" ? "**failed**" : $"**failed ({r.RawOutcome})**",
        OutcomeKind.Skipped => "skipped",
        _ => "passed",
    };
}
