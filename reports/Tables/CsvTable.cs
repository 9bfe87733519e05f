using System.Text;

namespace ReproSpecs.Reports.Tables;

/// <summary>
/// Writes a table as CSV (RFC 4180 quoting: a field with a comma, quote or line break is quoted, quotes doubled;
/// UTF-8 without a byte-order mark; lines end in <c>\n</c> so the file is the same on every machine).
/// </summary>
public static class CsvTable
{
    /// <summary>The CSV text of <paramref name="table"/>: a header line, then one line per row.</summary>
    public static string Render(ExportedTable table)
    {
        var sb = new StringBuilder();
        Line(sb, table.Headers);
        foreach (var row in table.Rows) Line(sb, row);
        return sb.ToString();
    }

    private static void Line(StringBuilder sb, IReadOnlyList<string> cells)
    {
        sb.AppendJoin(',', cells.Select(Field)).Append('\n');
    }

    private static string Field(string cell) =>
        cell.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{cell.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : cell;
}
