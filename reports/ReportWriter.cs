using System.Text;
using ReproSpecs.Harness.Results;
using ReproSpecs.Reports.Figures;
using ReproSpecs.Reports.Html;

namespace ReproSpecs.Reports;

/// <summary>Writes a built report: the figures (drawn now), <c>appendix.md</c>, and the self-contained <c>appendix.html</c>.</summary>
public static class ReportWriter
{
    /// <summary>File name of the markdown appendix.</summary>
    public const string MarkdownFile = "appendix.md";

    /// <summary>File name of the HTML appendix.</summary>
    public const string HtmlFile = "appendix.html";

    /// <summary>Writes every file under <paramref name="outputDirectory"/> (created if needed; stale figures are removed).</summary>
    public static WrittenReport Write(BuiltReport report, string outputDirectory)
    {
        string output = Path.GetFullPath(outputDirectory);
        string figures = Path.Combine(output, FigureSpec.Folder);
        Directory.CreateDirectory(figures);
        // Figures of an earlier report in the same folder would otherwise look like part of this one.
        foreach (var stale in Directory.EnumerateFiles(figures, "*.png")) File.Delete(stale);

        var written = new List<string>();
        foreach (var figure in report.Figures)
        {
            string path = Path.Combine(figures, figure.FileName);
            figure.SavePng(path);
            written.Add(path);
        }
        string md = Path.Combine(output, MarkdownFile);
        AtomicFile.WriteAllBytes(md, Encoding.UTF8.GetBytes(report.Markdown));
        string html = Path.Combine(output, HtmlFile);
        AtomicFile.WriteAllBytes(html, Encoding.UTF8.GetBytes(HtmlPage.Render(report.Markdown, output, ReportBuilder.Title)));
        return new WrittenReport(md, html, written);
    }
}
