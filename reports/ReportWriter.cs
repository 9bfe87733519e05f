using System.Text;
using ReproSpecs.Harness.Results;
using ReproSpecs.Reports.Figures;
using ReproSpecs.Reports.Html;
using ReproSpecs.Reports.Tables;

namespace ReproSpecs.Reports;

/// <summary>
/// Writes a built report: the figures (drawn now, as PNG, SVG and PDF), the tables as CSV and LaTeX,
/// <c>appendix.md</c>, and the self-contained <c>appendix.html</c>.
/// </summary>
public static class ReportWriter
{
    /// <summary>File name of the markdown appendix.</summary>
    public const string MarkdownFile = "appendix.md";

    /// <summary>File name of the HTML appendix.</summary>
    public const string HtmlFile = "appendix.html";

    /// <summary>Writes every file under <paramref name="outputDirectory"/> (created if needed; stale figures and tables are removed).</summary>
    public static WrittenReport Write(BuiltReport report, string outputDirectory)
    {
        string output = Path.GetFullPath(outputDirectory);
        string figures = Path.Combine(output, FigureSpec.Folder);
        string tables = Path.Combine(output, ExportedTable.Folder);
        // Files of an earlier report in the same folder would otherwise look like part of this one.
        RemoveStale(figures, "*.png", "*.svg", "*.pdf");
        RemoveStale(tables, "*.csv", "*.tex");

        var written = new List<string>();
        var vectors = new List<string>();
        foreach (var figure in report.Figures)
        {
            string path = Path.Combine(figures, figure.FileName);
            figure.SavePng(path);
            written.Add(path);
            vectors.Add(figure.SaveSvg(Path.ChangeExtension(path, ".svg")));
            vectors.Add(figure.SavePdf(Path.ChangeExtension(path, ".pdf")));
        }
        var tableFiles = new List<string>();
        foreach (var table in report.Tables)
        {
            tableFiles.Add(WriteText(Path.Combine(output, table.CsvPath), CsvTable.Render(table)));
            tableFiles.Add(WriteText(Path.Combine(output, table.LatexPath), LatexTable.Render(table)));
        }
        string md = WriteText(Path.Combine(output, MarkdownFile), report.Markdown);
        string html = WriteText(Path.Combine(output, HtmlFile), HtmlPage.Render(report.Markdown, output, ReportBuilder.Title));
        return new WrittenReport(md, html, written, vectors, tableFiles);
    }

    private static void RemoveStale(string folder, params string[] patterns)
    {
        Directory.CreateDirectory(folder);
        foreach (var pattern in patterns)
            foreach (var stale in Directory.EnumerateFiles(folder, pattern)) File.Delete(stale);
    }

    private static string WriteText(string path, string text)
    {
        AtomicFile.WriteAllBytes(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text));
        return path;
    }
}
