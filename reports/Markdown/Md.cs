using System.Text;

namespace ReproSpecs.Reports.Markdown;

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
