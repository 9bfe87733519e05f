using System.Globalization;
using System.Text.RegularExpressions;
using ReproSpecs.Reports;
using Shouldly;
using Xunit;

namespace ReproSpecs.Tests.Reports;

/// <summary>
/// The committed fixture (a real smoke run split over two shards) must render to the committed
/// <c>expected/appendix.md</c> byte for byte. Set <c>REPROSPECS_UPDATE_GOLDEN=1</c> to rewrite it after an
/// intended change, then review the diff.
/// </summary>
public class GoldenReportTests
{
    private static string ExpectedPath => Path.Combine(ReportWorkspace.FixtureDirectory, "expected", "appendix.md");

    [Fact]
    public void Fixture_renders_to_the_committed_markdown()
    {
        using var ws = new ReportWorkspace();
        string markdown = ReportBuilder.Build(ws.Input()).Markdown;
        if (Environment.GetEnvironmentVariable("REPROSPECS_UPDATE_GOLDEN") == "1")
            File.WriteAllText(ExpectedPath, markdown);
        string expected = File.ReadAllText(ExpectedPath).ReplaceLineEndings("\n");
        markdown.ShouldBe(expected, "the report differs from tests/Reports/Fixtures/expected/appendix.md; if the change is intended, regenerate it with REPROSPECS_UPDATE_GOLDEN=1 and review the diff");
    }

    [Fact]
    public void Numbers_do_not_depend_on_the_current_culture()
    {
        using var ws = new ReportWorkspace();
        string invariant = ReportBuilder.Build(ws.Input()).Markdown;
        // A culture that writes 0,1554 and 17.952: any number formatted with the current culture would show it.
        var comma = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        comma.NumberFormat.NumberDecimalSeparator = ",";
        comma.NumberFormat.NumberGroupSeparator = ".";
        comma.NumberFormat.PercentDecimalSeparator = ",";
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = comma;
            ReportBuilder.Build(ws.Input()).Markdown.ShouldBe(invariant);
        }
        finally { CultureInfo.CurrentCulture = saved; }
    }

    [Fact]
    public void The_report_is_the_same_whatever_order_inputs_are_given_in()
    {
        using var ws = new ReportWorkspace();
        string forward = ReportBuilder.Build(ws.Input()).Markdown;
        string reversed = ReportBuilder.Build(ws.Input(logs: ws.Logs.Reverse().ToList(), results: [ws.ShardB, ws.ShardA])).Markdown;
        reversed.ShouldBe(forward);
    }

    [Fact]
    public void Every_date_in_the_report_comes_from_its_inputs_and_no_link_names_a_machine_path()
    {
        using var ws = new ReportWorkspace();
        string markdown = ReportBuilder.Build(ws.Input()).Markdown;
        // A generation timestamp would break golden files; dates must be run dates from provenance and logs.
        var inputs = string.Join("\n", Directory.EnumerateFiles(ws.Root, "*", SearchOption.AllDirectories).Select(File.ReadAllText));
        var printed = Regex.Matches(markdown, @"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}").Select(m => m.Value).Distinct().ToList();
        printed.ShouldNotBeEmpty();
        foreach (var date in printed)
            inputs.ShouldContain(date.Replace(' ', 'T'), Case.Sensitive, $"{date} in the report is not a date of its inputs");
        markdown.ShouldNotContain(Path.GetTempPath().TrimEnd('/'), Case.Sensitive, "links must be relative to the output folder");
    }
}
