using System.Text;
using ReproSpecs.Reports.Markdown;

namespace ReproSpecs.Reports.Sections;

/// <summary>
/// Every results file the report read that failed verification: cell and hypothesis files, and the files each
/// cell rests on (config.json, trial JSONs, probabilities files): altered, unreadable, missing or mismatched.
/// </summary>
public static class IntegritySection
{
    /// <summary>Appends the section.</summary>
    public static void Write(StringBuilder md, ReportContext ctx)
    {
        md.AppendLine("## Integrity").AppendLine();
        var problems = ctx.Catalog.Problems.ToList();
        int total = ctx.Catalog.FileCount;
        if (problems.Count == 0)
        {
            md.AppendLine($"All {total} results files verified against their recorded content hashes (cell, hypothesis, config, trial and probabilities files).").AppendLine();
            return;
        }
        md.AppendLine($"{problems.Count} of {total} results files failed verification. A failed cell or hypothesis file is excluded from every table and figure; " +
                      "a failed config, trial or probabilities file is listed here only, since its cell's numbers come from the cell's own sealed file:").AppendLine();
        var table = new MdTable("file", "problem", "detail");
        foreach (var (file, problem) in problems)
            table.Row(ctx.FileLink(file, file.RelativePath), $"**{Store.FileProblems.Label(problem.Kind)}**", Md.Shorten(problem.Message));
        table.WriteTo(md);
    }
}
