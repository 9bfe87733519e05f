using ReproSpecs.Harness.Results;
using ReproSpecs.Harness.Statistics;
using System.Text.RegularExpressions;
using ReproSpecs.Reports;
using ReproSpecs.Reports.Cli;
using Shouldly;
using Xunit;

namespace ReproSpecs.Tests.Reports;

/// <summary>The written files: PNG figures, a self-contained HTML page, and the command line around them.</summary>
public class ReportFilesTests
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public void Writing_draws_every_figure_as_a_png_and_embeds_it_in_a_self_contained_html_page()
    {
        using var ws = new ReportWorkspace();
        var report = ReportBuilder.Build(ws.Input());
        var written = ReportWriter.Write(report, ws.Output);

        written.Figures.Count.ShouldBe(report.Figures.Count);
        report.Figures.Count.ShouldBe(5, "Relative PD bars and loss curves for CharLM/smoke, the accuracy scatter, the hypothesis effects and the ablation bars");
        foreach (var png in written.Figures)
        {
            var bytes = File.ReadAllBytes(png);
            bytes.Take(8).ShouldBe(PngSignature, $"{png} is not a PNG");
            bytes.Length.ShouldBeGreaterThan(5_000, $"{png} is too small to hold a drawn chart");
        }
        File.ReadAllText(written.Markdown).ShouldBe(report.Markdown);

        // Each figure also as SVG (text as text, for print) and PDF, same size and stem as its PNG.
        written.VectorFigures.Count.ShouldBe(2 * report.Figures.Count);
        foreach (var figure in report.Figures)
        {
            var svg = System.Xml.Linq.XDocument.Load(Path.Combine(ws.Output, figure.SvgPath)).Root!;
            svg.Name.LocalName.ShouldBe("svg");
            ((string?)svg.Attribute("width")).ShouldBe(figure.Width.ToString(System.Globalization.CultureInfo.InvariantCulture));
            ((string?)svg.Attribute("height")).ShouldBe(figure.Height.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var pdf = File.ReadAllBytes(Path.Combine(ws.Output, figure.PdfPath));
            System.Text.Encoding.ASCII.GetString(pdf, 0, 5).ShouldBe("%PDF-");
            pdf.Length.ShouldBeGreaterThan(5_000, $"{figure.PdfPath} is too small to hold a drawn chart");
        }
        File.ReadAllText(Path.Combine(ws.Output, "figures", "relative-pd-smoke-charlm.svg")).ShouldContain("swiglu", Case.Sensitive, "the SVG keeps its tick labels as text");

        string html = File.ReadAllText(written.Html);
        html.ShouldStartWith("<!DOCTYPE html>");
        html.ShouldContain("<style>");
        Regex.Matches(html, "<table>").Count.ShouldBeGreaterThanOrEqualTo(8);
        Regex.Matches(html, "<img src=\"data:image/png;base64,").Count.ShouldBe(report.Figures.Count);
        html.ShouldNotContain("src=\"figures/", Case.Sensitive, "figures are embedded, not linked");
        Regex.IsMatch(html, "(src|href)=\"(https?:)?//").ShouldBeFalse("the page must not load anything from a network");
        html.ShouldContain("id=\"spec-outcomes\"");
    }

    [Theory]
    [InlineData("figures", "old-figure.png")]
    [InlineData("figures", "old-figure.svg")]
    [InlineData("figures", "old-figure.pdf")]
    [InlineData("tables", "old-table.csv")]
    [InlineData("tables", "old-table.tex")]
    public void Writing_again_removes_figures_and_tables_of_an_earlier_report(string folder, string name)
    {
        using var ws = new ReportWorkspace();
        string stale = Path.Combine(ws.Output, folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(stale)!);
        File.WriteAllBytes(stale, PngSignature);
        ReportWriter.Write(ReportBuilder.Build(ws.Input()), ws.Output);
        File.Exists(stale).ShouldBeFalse();
    }

    [Fact]
    public void The_command_writes_the_report_and_prints_where()
    {
        using var ws = new ReportWorkspace();
        var (code, stdout, stderr) = Run("--logs", ws.Logs[0], ws.Logs[1], "--results", ws.ShardA, ws.ShardB, "--out", ws.Output);
        stderr.ShouldBeEmpty();
        code.ShouldBe(0);
        stdout.ShouldContain("appendix.html");
        stdout.ShouldContain("Specs: 4 passed, 0 failed, 0 skipped.");
        File.Exists(Path.Combine(ws.Output, "appendix.md")).ShouldBeTrue();
    }

    [Fact]
    public void The_command_reports_bad_input_in_one_line_with_a_fix()
    {
        using var ws = new ReportWorkspace();
        var (code, _, stderr) = Run("--logs", ws.Logs[0], "--results", Path.Combine(ws.Root, "missing"), "--out", ws.Output);
        code.ShouldBe(2);
        stderr.ShouldStartWith("error: Results folder");
        stderr.ShouldContain("Fix:");
    }

    [Fact]
    public void Help_documents_every_option()
    {
        var (code, stdout, _) = Run("--help");
        code.ShouldBe(0);
        foreach (var option in new[] { "--logs", "--results", "--out", "--profile", "REPROSPECS_RESULTS" })
            stdout.ShouldContain(option);
    }

    private static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var command = ReportCommand.Create(stdout, stderr);
        int code = command.Parse(args).Invoke(new System.CommandLine.InvocationConfiguration { Output = stdout, Error = stderr });
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void The_gate_fails_on_a_contradicted_verdict_and_on_a_file_that_does_not_verify()
    {
        using var ws = new ReportWorkspace();
        var args = new[] { "--logs", ws.Logs[0], ws.Logs[1], "--results", ws.ShardA, ws.ShardB, "--out", ws.Output, "--fail-on-contradiction" };
        Run(args).Code.ShouldBe(0, "the fixture contradicts nothing and verifies");

        var cells = new[] { SyntheticFamilies.Cell("minigpt", "relu", 0.10), SyntheticFamilies.Cell("minigpt", "swish", 0.30) };
        new ResultStore(ws.ShardA).SaveHypotheses(SyntheticFamilies.Architecture("smoke", "minigpt", cells, HypothesesSectionTests.FixtureProvenance(ws)));
        var (code, _, stderr) = Run(args);
        code.ShouldBe(1);
        stderr.ShouldContain("Contradicted: smoke: minigpt/H1[swish]");

        File.WriteAllText(ws.Cell("shard-a", "relu"), "{ truncated");
        Run(args).Code.ShouldBe(1, "a file the gate cannot read fails it");
    }
}
