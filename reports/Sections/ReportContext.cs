using System.Text;
using ReproSpecs.Harness.Records;
using ReproSpecs.Reports.Figures;
using ReproSpecs.Reports.Logs;
using ReproSpecs.Reports.Markdown;
using ReproSpecs.Reports.Store;
using ReproSpecs.Reports.Tables;

namespace ReproSpecs.Reports.Sections;

/// <summary>What every section reads (results, logs) and shares (figure numbering, links relative to the output).</summary>
public sealed class ReportContext(ResultsCatalog catalog, LogSet logs, string outputDirectory)
{
    private readonly List<FigureSpec> _figures = [];
    private readonly List<ExportedTable> _tables = [];

    /// <summary>The results.</summary>
    public ResultsCatalog Catalog { get; } = catalog;

    /// <summary>The test logs.</summary>
    public LogSet Logs { get; } = logs;

    /// <summary>The folder the report is written to (links are relative to it).</summary>
    public string OutputDirectory { get; } = Path.GetFullPath(outputDirectory);

    /// <summary>Figures referenced so far, in order of appearance.</summary>
    public IReadOnlyList<FigureSpec> Figures => _figures;

    /// <summary>Tables written beside the markdown (CSV and LaTeX), in order of appearance.</summary>
    public IReadOnlyList<ExportedTable> Tables => _tables;

    /// <summary>
    /// Appends <paramref name="table"/> with a numbered caption that links its CSV and LaTeX files, and adds it to
    /// the exported tables: the files hold the cells the markdown shows, so every format has the same numbers.
    /// </summary>
    public void Table(StringBuilder md, string name, string caption, MdTable table)
    {
        if (_tables.Any(t => t.Name == name)) throw new InvalidOperationException($"table {name} added twice");
        var exported = table.Export(name, caption);
        _tables.Add(exported);
        table.WriteTo(md);
        md.AppendLine($"*Table {_tables.Count}: {Md.Text(caption)} Also as {Md.Link("CSV", exported.CsvPath)} and {Md.Link("LaTeX", exported.LatexPath)}.*").AppendLine();
    }

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
