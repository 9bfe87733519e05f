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

    /// <summary>Appends the table and a blank line.</summary>
    public void WriteTo(StringBuilder md)
    {
        md.Append("| ").AppendJoin(" | ", headers.Select(Md.Cell)).AppendLine(" |");
        md.Append('|').AppendJoin("|", _right.Select(r => r ? "---:" : "---")).AppendLine("|");
        foreach (var row in _rows) md.Append("| ").AppendJoin(" | ", row.Select(Md.Cell)).AppendLine(" |");
        md.AppendLine();
    }
}

/// <summary>Markdown escaping helpers.</summary>
public static class Md
{
    /// <summary>A table cell: one line, pipes escaped.</summary>
    public static string Cell(string text) => text.ReplaceLineEndings(" ").Replace("|", "\\|");

    /// <summary>Inline code (backticks inside are avoided by doubling the fence).</summary>
    public static string Code(string text) => text.Contains('`') ? $"`` {text} ``" : $"`{text}`";

    /// <summary>Plain text with markdown's active characters escaped.</summary>
    public static string Text(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            if (c is '\\' or '*' or '_' or '[' or ']' or '<' or '>' or '`' or '#') sb.Append('\\');
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>A link; the target is percent-escaped where markdown needs it.</summary>
    public static string Link(string text, string target) => $"[{Text(text)}](<{target.Replace(">", "%3E")}>)";

    /// <summary>Shortens a long message for a table cell.</summary>
    public static string Shorten(string text, int max = 400) => text.Length <= max ? text : text[..(max - 1)].TrimEnd() + "…";
}
