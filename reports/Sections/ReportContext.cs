using System.Text;
using ReproSpecs.Harness.Records;
using ReproSpecs.Reports.Figures;
using ReproSpecs.Reports.Logs;
using ReproSpecs.Reports.Markdown;
using ReproSpecs.Reports.Store;

namespace ReproSpecs.Reports.Sections;

/// <summary>What every section reads (results, logs) and shares (figure numbering, links relative to the output).</summary>
public sealed class ReportContext(ResultsCatalog catalog, LogSet logs, string outputDirectory)
{
    private readonly List<FigureSpec> _figures = [];

    /// <summary>The results.</summary>
    public ResultsCatalog Catalog { get; } = catalog;

    /// <summary>The test logs.</summary>
    public LogSet Logs { get; } = logs;

    /// <summary>The folder the report is written to (links are relative to it).</summary>
    public string OutputDirectory { get; } = Path.GetFullPath(outputDirectory);

    /// <summary>Figures referenced so far, in order of appearance.</summary>
    public IReadOnlyList<FigureSpec> Figures => _figures;

    /// <summary>Verified cells grouped by profile, in study order.</summary>
    public IEnumerable<IGrouping<string, CellRecord>> CellsByProfile =>
        Catalog.GoodCells.GroupBy(c => c.Config.Profile).OrderBy(g => g.Key, StudyOrder.Profiles);

    /// <summary>A path relative to the output folder, with forward slashes (for links that work offline).</summary>
    public string LinkTo(string fullPath) => Path.GetRelativePath(OutputDirectory, fullPath).Replace('\\', '/');

    /// <summary>A link to a results file, named by <paramref name="text"/>.</summary>
    public string FileLink(StoredFile file, string text) => Md.Link(text, LinkTo(file.FullPath));

    /// <summary>Adds a figure and appends its image and numbered caption.</summary>
    public void Figure(StringBuilder md, FigureSpec figure)
    {
        if (_figures.Any(f => f.FileName == figure.FileName)) throw new InvalidOperationException($"figure {figure.FileName} added twice");
        _figures.Add(figure);
        md.AppendLine($"![{Md.Text(figure.Caption)}]({figure.RelativePath})").AppendLine();
        md.AppendLine($"*Figure {_figures.Count}: {Md.Text(figure.Caption)}*").AppendLine();
    }

    /// <summary>The spec outcomes of a cell's test, from every log that ran it.</summary>
    public IReadOnlyList<SpecOutcome> OutcomesOf(string profile, string model, string activation) =>
        Logs.Results.Where(r => r.Group == model && r.Activation == activation && (r.Profile is null || r.Profile == profile)).ToList();

    /// <summary>A file-name-safe form of a name.</summary>
    public static string Slug(params string[] parts) =>
        string.Join("-", parts.Select(p => new string(p.Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' ? char.ToLowerInvariant(c) : '_').ToArray())));
}
