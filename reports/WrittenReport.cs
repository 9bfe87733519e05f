using System.Text;

namespace ReproSpecs.Reports;

/// <summary>The files a report was written to.</summary>
/// <param name="Markdown">Path of <c>appendix.md</c>.</param>
/// <param name="Html">Path of <c>appendix.html</c>.</param>
/// <param name="Figures">Paths of the figure PNGs.</param>
public sealed record WrittenReport(string Markdown, string Html, IReadOnlyList<string> Figures);
