using System.Text;

namespace ReproSpecs.Reports.Markdown;

/// <summary>A GitHub-flavoured markdown table (pipes escaped, cells kept on one line).</summary>
public sealed class MdTable(params string[] headers)
{
    private readonly List<string[]> _rows = [];
    private readonly bool[] _right = new bool[headers.Length];

    /// <summary>Right-aligns the given columns (numbers).</summary>
    public MdTable RightAlign(params int[] columns)
    {
        foreach (int c in columns) _right[c] = true;
        return this;
    }

    /// <summary>Adds a row; it must have one cell per header.</summary>
    public MdTable Row(params string[] cells)
    {
        if (cells.Length != headers.Length) throw new ArgumentException($"row has {cells.Length} cells, table has {headers.Length} columns");
        _rows.Add(cells);
        return this;
    }

    /// <summary>Number of rows.</summary>
    public int Count => _rows.Count;

    /// <summary>The table as plain text, for its CSV and LaTeX files: the same cells, markup removed.</summary>
    public Tables.ExportedTable Export(string name, string caption) => new(
        name, caption,
        headers.Select(Tables.PlainText.Of).ToList(),
        _rows.Select(r => (IReadOnlyList<string>)r.Select(Tables.PlainText.Of).ToList()).ToList(),
        _right.ToList());

    /// <summary>Appends the table and a blank line.</summary>
    public void WriteTo(StringBuilder md)
    {
        md.Append("| ").AppendJoin(" | ", headers.Select(Md.Cell)).AppendLine(" |");
        md.Append('|').AppendJoin("|", _right.Select(r => r ? "---:" : "---")).AppendLine("|");
        foreach (var row in _rows) md.Append("| ").AppendJoin(" | ", row.Select(Md.Cell)).AppendLine(" |");
        md.AppendLine();
    }
}

