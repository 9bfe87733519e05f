using System.Text.RegularExpressions;
using ReproSpecs.Reports;
using Shouldly;
using Xunit;

namespace ReproSpecs.Tests.Reports;

/// <summary>A hand-edited or truncated results file is flagged in the report, excluded from its numbers, and never crashes it.</summary>
public class IntegrityTests
{
    [Fact]
    public void A_hand_edited_cell_is_flagged_as_altered_and_its_numbers_are_not_reported()
    {
        using var ws = new ReportWorkspace();
        string path = ws.Cell("shard-a", "gelu");
        string text = File.ReadAllText(path);
        // Someone "improves" a trial's accuracy by hand.
        string edited = new Regex("\"accuracy\": [0-9.eE+-]+").Replace(text, "\"accuracy\": 0.99", 1);
        edited.ShouldNotBe(text);
        File.WriteAllText(path, edited);

        var report = ReportBuilder.Build(ws.Input());
        report.Problems.ShouldBe(1);
        report.Markdown.ShouldContain("> **Warning:** 1 results file failed verification");
        report.Markdown.ShouldContain("| `gelu` | — | **ALTERED: excluded** |");
        report.Markdown.ShouldContain("| **altered** | Results file smoke/charlm/gelu/5751772c9eb1/cell.json was altered after it was written");
        report.Markdown.ShouldContain("This appendix covers 3 cells (profile smoke), 1 architecture, 2 activations");
        report.Markdown.ShouldNotContain(Path.GetTempPath().TrimEnd('/') + "/", Case.Sensitive, "the message names the file relative to its results folder");
    }

    [Fact]
    public void A_truncated_cell_is_flagged_as_unreadable()
    {
        using var ws = new ReportWorkspace();
        string path = ws.Cell("shard-b", "swiglu");
        File.WriteAllText(path, File.ReadAllText(path)[..500]);

        var report = ReportBuilder.Build(ws.Input());
        report.Problems.ShouldBe(1);
        report.Markdown.ShouldContain("| `swiglu` | — | **UNREADABLE: excluded** |");
        report.Markdown.ShouldContain("| **unreadable** |");
    }

    [Fact]
    public void Verified_files_are_counted_in_the_integrity_section()
    {
        using var ws = new ReportWorkspace();
        ReportBuilder.Build(ws.Input()).Markdown.ShouldContain("All 8 results files verified against their recorded content hashes", Case.Sensitive, "3 study cells, 1 ablation arm, 1 hypothesis family, 3 config.json");
    }
}
