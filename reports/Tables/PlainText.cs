using System.Text;
using System.Text.RegularExpressions;

namespace ReproSpecs.Reports.Tables;

/// <summary>
/// A markdown table cell as plain text: the inline markup the report writes (<c>`code`</c>, <c>**bold**</c>,
/// <c>[text](&lt;target&gt;)</c>, backslash escapes; see <see cref="Markdown.Md"/>) is removed and its text kept.
/// Only that markup is undone, so a number is never rewritten on its way to CSV or LaTeX.
/// </summary>
public static partial class PlainText
{
    /// <summary>The text a reader sees in the rendered cell.</summary>
    public static string Of(string markdown)
    {
        string text = Link().Replace(markdown, m => m.Groups["text"].Value);
        text = DoubleCode().Replace(text, m => m.Groups["code"].Value);
        text = Code().Replace(text, m => m.Groups["code"].Value);
        text = Bold().Replace(text, m => m.Groups["text"].Value);
        return Unescape(text).ReplaceLineEndings(" ");
    }

    private static string Unescape(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length && char.IsAsciiLetterOrDigit(text[i + 1]) is false && !char.IsWhiteSpace(text[i + 1])) i++;
            sb.Append(text[i]);
        }
        return sb.ToString();
    }

    // [text](<target>) as Md.Link writes it, or [text](target).
    [GeneratedRegex(@"\[(?<text>(?:\\.|[^\]\\])*)\]\((?:<[^>]*>|[^)\s]*)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"`` (?<code>.*?) ``")]
    private static partial Regex DoubleCode();

    [GeneratedRegex(@"`(?<code>[^`]*)`")]
    private static partial Regex Code();

    [GeneratedRegex(@"\*\*(?<text>.+?)\*\*")]
    private static partial Regex Bold();
}
