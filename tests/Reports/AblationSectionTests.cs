using ReproSpecs.Harness.Metrics;
using ReproSpecs.Harness.Records;
using ReproSpecs.Harness.Results;
using ReproSpecs.Reports;
using ReproSpecs.Reports.Markdown;
using ReproSpecs.Reports.Store;
using Shouldly;
using Xunit;

namespace ReproSpecs.Tests.Reports;

/// <summary>
/// Seed-ablation arms are the harness's own cell files (<c>cell-&lt;arm&gt;.json</c> beside <c>cell.json</c>): the
/// ablation section shows them with the study's cell as the all arm, and they never count as study cells.
/// </summary>
public class AblationSectionTests
{
    [Fact]
    public void The_fixture_arm_is_shown_beside_the_study_cell_and_is_not_a_study_cell()
    {
        using var ws = new ReportWorkspace();
        var study = ResultStore.LoadCell(ws.Cell("shard-a", "gelu"));
        var init = ResultStore.LoadCell(ws.ArmFile());
        init.Arm.ShouldBe(SeedArm.InitOnly);
        init.ConfigHash.ShouldBe(study.ConfigHash, "an arm is trained under its cell's config, in its folder");
        string armPd = Fmt.PdRange(init.Summary.Last!.RelativePd), studyPd = Fmt.PdRange(study.Summary.Last!.RelativePd);
        armPd.ShouldNotBe(studyPd);

        var report = ReportBuilder.Build(ws.Input());
        string md = report.Markdown;
        md.ShouldContain("This appendix covers 3 cells (profile smoke), 1 architecture, 3 activations, 9 trials");
        string results = Section(md, "## Results"), ablation = Section(md, "## Seed-source ablation");
        results.ShouldContain($"| `gelu` | {Fmt.Int(study.Trials[0].Parameters)} | {studyPd} |");
        results.ShouldNotContain(armPd);
        results.ShouldNotContain("cell-init.json");
        ablation.ShouldContain("### CharLM, gelu, profile smoke");
        ablation.ShouldContain($"| `init` | weight initialisation | {armPd} | {Fmt.Pd(init.Summary.Last.Top1Disagreement.Mean)} | 3 |");
        ablation.ShouldContain($"| `all` | all three | {studyPd} | {Fmt.Pd(study.Summary.Last.Top1Disagreement.Mean)} | 3 |");
        ablation.ShouldContain($"Every arm was trained under config `{study.ConfigHash[..12]}`.");
        ablation.ShouldNotContain("`relu`", Case.Sensitive, "cells without arm files have no ablation");
        report.Figures.ShouldContain(f => f.FileName == "ablation-smoke-charlm-gelu.png");
    }

    [Fact]
    public void Arms_are_shown_in_the_order_init_data_dropout_all_same_and_a_zero_noise_floor_is_noted()
    {
        using var ws = new ReportWorkspace();
        var init = ResultStore.LoadCell(ws.ArmFile());
        var store = new ResultStore(ws.ShardA);
        foreach (var arm in new[] { SeedArm.SameSeed, SeedArm.DropoutOnly, SeedArm.DataOnly })
        {
            // Synthetic numbers for the rendering: the same arm's pairs all disagree by exactly 0.
            var last = arm == SeedArm.SameSeed ? init.Summary.Last! with { RelativePd = Summary.Of([0.0, 0.0, 0.0]) } : init.Summary.Last;
            store.SaveCell(init with { Arm = arm, Summary = init.Summary with { Last = last } });
        }

        string ablation = Section(ReportBuilder.Build(ws.Input()).Markdown, "## Seed-source ablation");
        new[] { "| `init` |", "| `data` |", "| `dropout` |", "| `all` |", "| `same` |" }
            .Select(a => ablation.IndexOf(a, StringComparison.Ordinal)).ShouldAllBe(i => i >= 0);
        new[] { "| `init` |", "| `data` |", "| `dropout` |", "| `all` |", "| `same` |" }
            .Select(a => ablation.IndexOf(a, StringComparison.Ordinal)).ShouldBeInOrder(SortDirection.Ascending);
        ablation.ShouldContain("| `same` | nothing | 0 [0–0] |");
        ablation.ShouldContain("| exactly 0, as CPU determinism requires |");
    }

    [Fact]
    public void The_same_arm_under_two_config_hashes_is_an_error_while_arms_of_one_cell_never_conflict()
    {
        using var ws = new ReportWorkspace();
        var init = ResultStore.LoadCell(ws.ArmFile());
        var config = init.Config with { Settings = init.Config.Settings with { LearningRate = init.Config.Settings.LearningRate * 2 } };
        new ResultStore(ws.ShardB).SaveCell(init with { Config = config, ConfigHash = config.Hash });

        var error = Should.Throw<CellConflictException>(() => ReportBuilder.Build(ws.Input()));
        error.Message.ShouldContain("smoke/charlm/gelu (seed arm init)");
        error.Message.ShouldContain("different config hashes");
        error.Message.ShouldContain(init.ConfigHash[..12]);
        error.Message.ShouldContain(config.Hash[..12]);
    }

    [Fact]
    public void A_study_cell_elsewhere_does_not_conflict_with_an_arm_of_another_config_but_the_mismatch_is_shown()
    {
        using var ws = new ReportWorkspace();
        // The init arm moves to another config's folder (as if trained after a config change): not the same
        // file as any other, so no conflict, but its numbers are not comparable with the study cell's.
        var init = ResultStore.LoadCell(ws.ArmFile());
        var config = init.Config with { Settings = init.Config.Settings with { LearningRate = init.Config.Settings.LearningRate * 2 } };
        File.Delete(ws.ArmFile());
        new ResultStore(ws.ShardB).SaveCell(init with { Config = config, ConfigHash = config.Hash });

        string ablation = Section(ReportBuilder.Build(ws.Input()).Markdown, "## Seed-source ablation");
        ablation.ShouldContain("**These arms were trained under 2 different configs**");
    }

    [Fact]
    public void An_arm_file_named_for_another_arm_is_flagged_and_not_shown()
    {
        using var ws = new ReportWorkspace();
        File.Copy(ws.ArmFile(), ws.ArmFile(SeedArm.DataOnly));

        var report = ReportBuilder.Build(ws.Input());
        report.Problems.ShouldBe(1);
        report.Markdown.ShouldContain("holds seed arm init but is named for arm data; the harness names it cell-init.json.");
        Section(report.Markdown, "## Seed-source ablation").ShouldContain("| `data` | batch order | **UNREADABLE: excluded** |");
    }

    [Fact]
    public void An_altered_arm_file_is_flagged_and_the_section_is_omitted()
    {
        using var ws = new ReportWorkspace();
        string path = ws.ArmFile();
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"init_only\"", "\"data_only\""));

        var report = ReportBuilder.Build(ws.Input());
        report.Problems.ShouldBe(1);
        report.Markdown.ShouldNotContain("## Seed-source ablation");
        report.Markdown.ShouldContain("smoke/charlm/gelu/5751772c9eb1/cell-init.json>) | **altered** |");
        report.Markdown.ShouldContain("This appendix covers 3 cells", Case.Sensitive, "a damaged arm file is not a study cell either");
    }

    [Fact]
    public void Cell_file_names_are_those_the_harness_writes()
    {
        using var ws = new ReportWorkspace();
        var config = ResultStore.LoadCell(ws.Cell("shard-a", "gelu")).Config;
        var store = new ResultStore(ws.ShardA);
        foreach (var arm in SeedArms.All)
        {
            string name = Path.GetFileName(store.CellPath(config, arm));
            StoreLayout.CellFileName(arm).ShouldBe(name);
            StoreLayout.ArmOfCellFile(name).ShouldBe(arm);
        }
        StoreLayout.ArmOfCellFile("cell-every.json").ShouldBeNull();
        StoreLayout.ArmOfCellFile("config.json").ShouldBeNull();
    }

    /// <summary>The text of a level-2 section, up to the next one.</summary>
    private static string Section(string md, string heading)
    {
        int start = md.IndexOf(heading + "\n", StringComparison.Ordinal);
        if (start < 0) return "";
        int end = md.IndexOf("\n## ", start + heading.Length, StringComparison.Ordinal);
        return end < 0 ? md[start..] : md[start..end];
    }
}
