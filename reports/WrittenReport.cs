namespace ReproSpecs.Reports;

/// <summary>The files a report was written to.</summary>
/// <param name="Markdown">Path of <c>appendix.md</c>.</param>
/// <param name="Html">Path of <c>appendix.html</c>.</param>
/// <param name="Figures">Paths of the figure PNGs (the HTML embeds these).</param>
/// <param name="VectorFigures">Paths of the same figures as SVG and PDF, for print.</param>
/// <param name="Tables">Paths of the tables as CSV and LaTeX.</param>
public sealed record WrittenReport(string Markdown, string Html, IReadOnlyList<string> Figures, IReadOnlyList<string> VectorFigures, IReadOnlyList<string> Tables);
