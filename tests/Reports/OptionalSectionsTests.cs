using ReproSpecs.Reports;
using Shouldly;
using Xunit;

namespace ReproSpecs.Tests.Reports;

/// <summary>The hypothesis and ablation sections appear exactly when their results files exist.</summary>
public class OptionalSectionsTests
{
    [Fact]
    public void Without_family_or_arm_files_both_sections_are_omitted()
    {
        using var ws = new ReportWorkspace();
        ws.RemoveOptionalFiles();
        string md = ReportBuilder.Build(ws.Input()).Markdown;
        md.ShouldNotContain("## Hypotheses");
        md.ShouldNotContain("[Hypotheses](#hypotheses)");
        md.ShouldNotContain("## Seed-source ablation");
        md.ShouldNotContain("[Seed-source ablation](#seed-source-ablation)");
        md.ShouldContain("No hypothesis verdicts were found");
        md.ShouldNotContain("The seed-source ablation trains extra arms");
    }

    [Fact]
    public void With_the_fixture_files_both_sections_and_their_contents_links_appear()
    {
        using var ws = new ReportWorkspace();
        string md = ReportBuilder.Build(ws.Input()).Markdown;
        md.ShouldContain("## Hypotheses");
        md.ShouldContain("[Hypotheses](#hypotheses)");
        md.ShouldContain("## Seed-source ablation");
        md.ShouldContain("[Seed-source ablation](#seed-source-ablation)");
        md.ShouldNotContain("No hypothesis verdicts were found");
    }
}
