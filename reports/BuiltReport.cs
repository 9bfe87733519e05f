using System.Globalization;
using System.Text;
using ReproSpecs.Reports.Figures;
using ReproSpecs.Reports.Tables;

namespace ReproSpecs.Reports;

/// <summary>A built report: its markdown and the figures it references (not yet drawn).</summary>
/// <param name="Markdown">The text of <c>appendix.md</c>.</param>
/// <param name="Figures">Figures referenced by the markdown, in order.</param>
/// <param name="Problems">Results files that failed verification (also listed in the report).</param>
/// <param name="Outcomes">Passed / failed / skipped counts over all logs.</param>
/// <param name="Contradicted">Contradicted verdicts after the report's family-wise adjustment (<c>profile: id</c>).</param>
/// <param name="Tables">Tables written beside the markdown as CSV and LaTeX, in order.</param>
public sealed record BuiltReport(string Markdown, IReadOnlyList<FigureSpec> Figures, int Problems, (int Passed, int Failed, int Skipped) Outcomes,
    IReadOnlyList<string> Contradicted, IReadOnlyList<ExportedTable> Tables);
