namespace ReproSpecs.Reports.Tables;

/// <summary>
/// A table of the report as it is written beside the markdown, as CSV and LaTeX: the very cells the markdown
/// shows, reduced to plain text (<see cref="PlainText"/>), so every format carries the same numbers.
/// </summary>
/// <param name="Name">File stem under the output's <c>tables/</c> folder (e.g. <c>results-smoke-charlm</c>).</param>
/// <param name="Caption">What the table holds (its LaTeX caption and the markdown's caption line).</param>
/// <param name="Headers">Column headers, plain text.</param>
/// <param name="Rows">Rows, one plain-text cell per header.</param>
/// <param name="RightAligned">Per column: whether it holds numbers (right-aligned).</param>
public sealed record ExportedTable(string Name, string Caption, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<bool> RightAligned)
{
    /// <summary>Folder (under the output folder) that holds the table files.</summary>
    public const string Folder = "tables";

    /// <summary>Path of the CSV file relative to the output folder.</summary>
    public string CsvPath => $"{Folder}/{Name}.csv";

    /// <summary>Path of the LaTeX file relative to the output folder.</summary>
    public string LatexPath => $"{Folder}/{Name}.tex";
}
