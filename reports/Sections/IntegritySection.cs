using System.Text;
using ReproSpecs.Reports.Markdown;

namespace ReproSpecs.Reports.Sections;

/// <summary>Every results file that failed verification (altered after writing, or unreadable); none is used in any number.</summary>
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
            md.AppendLine($"All {total} results files verified against their recorded content hashes.").AppendLine();
            return;
        }
        md.AppendLine($"{problems.Count} of {total} results files failed verification and are excluded from every table and figure:").AppendLine();
        var table = new MdTable("file", "problem", "detail");
        foreach (var (file, problem) in problems)
            table.Row(ctx.FileLink(file, file.RelativePath), problem.Kind == Store.FileProblemKind.Altered ? "**altered**" : "**unreadable**", Md.Shorten(problem.Message));
        table.WriteTo(md);
    }
}
