using System.Text.RegularExpressions;
using ReproSpecs.Reports;
using ReproSpecs.Reports.Tables;
using Shouldly;
using Xunit;

namespace ReproSpecs.Tests.Reports;

/// <summary>
/// The report's tables as CSV and LaTeX: the fixture renders to the committed files under
/// <c>expected/tables/</c> byte for byte (<c>REPROSPECS_UPDATE_GOLDEN=1</c> rewrites them), and every exported
/// table holds the very cells, and so the very numbers, its markdown table shows.
/// </summary>
public class ExportedTablesTests
{
    private static string ExpectedFolder => Path.Combine(ReportWorkspace.FixtureDirectory, "expected", ExportedTable.Folder);

    [Fact]
    public void Fixture_tables_render_to_the_committed_csv_and_latex()
    {
        using var ws = new ReportWorkspace();
        var report = ReportBuilder.Build(ws.Input());
        report.Tables.Select(t => t.Name).ShouldBe(["profiles", "results-smoke-charlm", "hypotheses-smoke", "ablation-smoke-charlm-gelu"]);
        var rendered = report.Tables.SelectMany(t => new[] { ($"{t.Name}.csv", CsvTable.Render(t)), ($"{t.Name}.tex", LatexTable.Render(t)) }).ToList();
        if (Environment.GetEnvironmentVariable("REPROSPECS_UPDATE_GOLDEN") == "1")
        {
            if (Directory.Exists(ExpectedFolder)) Directory.Delete(ExpectedFolder, recursive: true);
            Directory.CreateDirectory(ExpectedFolder);
            foreach (var (name, text) in rendered) File.WriteAllText(Path.Combine(ExpectedFolder, name), text);
        }
        Directory.EnumerateFiles(ExpectedFolder).Select(Path.GetFileName).Order(StringComparer.Ordinal)
            .ShouldBe(rendered.Select(r => r.Item1).Order(StringComparer.Ordinal), "the committed tables are exactly the report's");
        foreach (var (name, text) in rendered)
            text.ShouldBe(File.ReadAllText(Path.Combine(ExpectedFolder, name)).ReplaceLineEndings("\n"),
                $"{name} differs from tests/Reports/Fixtures/expected/tables/{name}; if the change is intended, regenerate with REPROSPECS_UPDATE_GOLDEN=1 and review the diff");
    }

    [Fact]
    public void Every_exported_table_holds_the_cells_and_numbers_of_its_markdown_table()
    {
        using var ws = new ReportWorkspace();
        var report = ReportBuilder.Build(ws.Input());
        var lines = report.Markdown.Split('\n');
        for (int i = 0; i < report.Tables.Count; i++)
        {
            var table = report.Tables[i];
            // The markdown table is the block of pipe rows right above the table's caption line.
            int caption = Array.FindIndex(lines, l => l.StartsWith($"*Table {i + 1}: ", StringComparison.Ordinal));
            caption.ShouldBeGreaterThan(0, $"table {table.Name} has no caption line");
            var block = lines[..caption].Reverse().SkipWhile(string.IsNullOrEmpty).TakeWhile(l => l.StartsWith('|')).Reverse().ToList();
            var mdRows = block.Where((_, k) => k != 1).Select(MarkdownCells).ToList(); // drop the alignment row
            mdRows.Count.ShouldBe(table.Rows.Count + 1);
            mdRows[0].Select(PlainText.Of).ShouldBe(table.Headers);
            var csv = ParseCsv(CsvTable.Render(table));
            var tex = LatexRows(LatexTable.Render(table));
            for (int r = 0; r < table.Rows.Count; r++)
            {
                mdRows[r + 1].Select(PlainText.Of).ShouldBe(table.Rows[r], $"{table.Name} row {r}");
                csv[r + 1].ShouldBe(table.Rows[r], $"{table.Name} row {r} read back from its CSV");
                // The numbers, digit for digit, in all three formats (LaTeX only rewrites the symbols around them).
                Numbers(string.Join(" ", mdRows[r + 1].Select(PlainText.Of))).ShouldBe(Numbers(string.Join(" ", csv[r + 1])), $"{table.Name} row {r}: markdown vs CSV");
                Numbers(SymbolsBack(tex[r + 1])).ShouldBe(Numbers(string.Join(" ", csv[r + 1])), $"{table.Name} row {r}: LaTeX vs CSV");
            }
        }
    }

    [Fact]
    public void The_markdown_links_each_table_s_csv_and_latex_files_and_the_writer_writes_them()
    {
        using var ws = new ReportWorkspace();
        var report = ReportBuilder.Build(ws.Input());
        var written = ReportWriter.Write(report, ws.Output);
        written.Tables.Count.ShouldBe(2 * report.Tables.Count);
        foreach (var t in report.Tables)
        {
            report.Markdown.ShouldContain($"[CSV](<{t.CsvPath}>)");
            report.Markdown.ShouldContain($"[LaTeX](<{t.LatexPath}>)");
            File.ReadAllText(Path.Combine(ws.Output, t.CsvPath)).ShouldBe(CsvTable.Render(t));
            File.ReadAllText(Path.Combine(ws.Output, t.LatexPath)).ShouldBe(LatexTable.Render(t));
        }
    }

    [Fact]
    public void Plain_text_removes_only_the_markup_the_report_writes()
    {
        PlainText.Of("`smelu_05`").ShouldBe("smelu_05");
        PlainText.Of("`` a`b ``").ShouldBe("a`b");
        PlainText.Of("**failed**").ShouldBe("failed");
        PlainText.Of("[575aa451ff6c](<../results/a b/cell.json>)").ShouldBe("575aa451ff6c");
        PlainText.Of(@"H1\[gelu\] \* 2").ShouldBe("H1[gelu] * 2");
        PlainText.Of("0.1579 [0.1222–0.1769]").ShouldBe("0.1579 [0.1222–0.1769]", "a range in brackets is not a link");
        PlainText.Of("−4.2 % ± 1,049").ShouldBe("−4.2 % ± 1,049");
    }

    [Fact]
    public void Csv_quotes_fields_that_need_it()
    {
        var table = new ExportedTable("t", "c.", ["a", "b"], [["17,952", "say \"hi\""], ["x\ny", "plain"]], [true, false]);
        CsvTable.Render(table).ShouldBe("a,b\n\"17,952\",\"say \"\"hi\"\"\"\n\"x\ny\",plain\n");
    }

    [Fact]
    public void Latex_is_a_booktabs_table_with_escaped_text_and_math_symbols()
    {
        var table = new ExportedTable("results-smoke-charlm", "CharLM: 50 % & more.", ["activation", "val loss mean ± std"], [["smelu_05", "2.466 ± 0.034"], ["relu", "−4.2 % [−∞ %, 3]"]], [false, true]);
        string tex = LatexTable.Render(table);
        tex.ShouldContain("\\begin{tabular}{lr}");
        tex.ShouldContain("\\toprule\nactivation & val loss mean $\\pm$ std \\\\\n\\midrule\n");
        tex.ShouldContain("smelu\\_05 & 2.466 $\\pm$ 0.034 \\\\\n");
        tex.ShouldContain("relu & $-$4.2 \\% [$-$$\\infty$ \\%, 3] \\\\\n\\bottomrule\n");
        tex.ShouldContain("\\caption{CharLM: 50 \\% \\& more.}");
        tex.ShouldContain("\\label{tab:results-smoke-charlm}");
        LatexTable.Escape("a_b#c$d{e}~^\\").ShouldBe("a\\_b\\#c\\$d\\{e\\}\\textasciitilde{}\\textasciicircum{}\\textbackslash{}");
    }

    private static List<string> MarkdownCells(string line)
    {
        // Split on pipes that are not escaped (Md.Cell escapes a pipe inside a cell as \|).
        var cells = Regex.Split(line.Trim()[1..^1], @"(?<!\\)\|").Select(c => c.Trim().Replace("\\|", "|")).ToList();
        return cells;
    }

    private static List<List<string>> ParseCsv(string csv)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < csv.Length; i++)
        {
            char c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (c == '\n') { row.Add(field.ToString()); field.Clear(); rows.Add(row); row = []; }
            else field.Append(c);
        }
        return rows;
    }

    private static List<string> LatexRows(string tex) =>
        tex.Split('\n').SkipWhile(l => l != "\\toprule").Skip(1).Where(l => l.EndsWith(" \\\\", StringComparison.Ordinal)).ToList();

    // The two symbols LaTeX spells with digits of their own (⅔, ¹) are put back before numbers are compared.
    private static string SymbolsBack(string tex) => tex.Replace("$\\frac{2}{3}$", "⅔", StringComparison.Ordinal).Replace("\\textsuperscript{1}", "¹", StringComparison.Ordinal);

    private static List<string> Numbers(string text) => Regex.Matches(text, @"\d[\d,]*(\.\d+)?(e[+-]\d+)?").Select(m => m.Value).ToList();
}
