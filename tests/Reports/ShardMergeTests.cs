using System.Text.Json.Nodes;
using ReproSpecs.Harness.Records;
using ReproSpecs.Harness.Results;
using ReproSpecs.Reports;
using ReproSpecs.Reports.Store;
using Shouldly;
using Xunit;

namespace ReproSpecs.Tests.Reports;

/// <summary>Logs and results of several shards merge into one report; the same cell under two configs is an error.</summary>
public class ShardMergeTests
{
    [Fact]
    public void Two_shards_merge_into_one_report_with_every_cell_and_every_outcome()
    {
        using var ws = new ReportWorkspace();
        var report = ReportBuilder.Build(ws.Input());
        report.Outcomes.ShouldBe((4, 0, 0), "shard a has 2 passed cell specs, shard b 1 passed cell spec and the passed determinism spec");
        foreach (var hash in new[] { "575aa451ff6c", "5751772c9eb1", "f0d613064f16" })
            report.Markdown.ShouldContain($"[{hash}](<../results/");
        report.Markdown.ShouldContain("../logs/shard-a/charlm.trx");
        report.Markdown.ShouldContain("../logs/shard-b/charlm.trx");
        report.Markdown.ShouldContain("This appendix covers 3 cells (profile smoke), 1 architecture, 3 activations, 9 trials, 2 test logs.");
    }

    [Fact]
    public void One_shard_alone_reports_only_its_own_cells_and_outcomes()
    {
        using var ws = new ReportWorkspace();
        var report = ReportBuilder.Build(ws.Input(logs: [ws.Logs[0]], results: [ws.ShardA]));
        report.Outcomes.ShouldBe((2, 0, 0));
        report.Markdown.ShouldNotContain("f0d613064f16");
    }

    [Fact]
    public void Cells_the_logs_ran_but_the_results_lack_are_named()
    {
        using var ws = new ReportWorkspace();
        string md = ReportBuilder.Build(ws.Input(results: [ws.ShardA])).Markdown;
        md.ShouldContain("The logs ran 1 cell spec whose results are not in the results folders given: `smoke/charlm/swiglu`.");
        ReportBuilder.Build(ws.Input()).Markdown.ShouldNotContain("whose results are not in the results folders given");
    }

    [Fact]
    public void Cells_of_the_store_that_no_log_mentions_are_listed_apart_not_in_the_tables()
    {
        using var ws = new ReportWorkspace();
        string all = ReportBuilder.Build(ws.Input()).Markdown;
        all.ShouldNotContain("Not in the tables:");
        // Only shard a's log: shard b's cells are still in the results folders given, but no log ran them.
        string md = ReportBuilder.Build(ws.Input(logs: [Path.Combine(ws.Root, "logs", "shard-a", "charlm.trx")])).Markdown;
        md.ShouldContain("Not in the tables: 1 cell of the results folders that no test log mentions (trained by another run): `smoke/charlm/swiglu`.");
        Results(md).ShouldNotContain("| `swiglu` |");
        Results(all).ShouldContain("| `swiglu` |");
    }

    private static string Results(string md)
    {
        int start = md.IndexOf("\n## Results", StringComparison.Ordinal);
        int end = md.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        return md[start..(end < 0 ? md.Length : end)];
    }

    [Fact]
    public void A_folder_of_logs_is_searched_recursively_and_gives_the_same_report_as_the_files()
    {
        using var ws = new ReportWorkspace();
        string byFiles = ReportBuilder.Build(ws.Input()).Markdown;
        string byFolder = ReportBuilder.Build(ws.Input(logs: [Path.Combine(ws.Root, "logs")])).Markdown;
        byFolder.ShouldBe(byFiles);
    }

    [Fact]
    public void The_same_cell_under_two_config_hashes_is_an_error_naming_both()
    {
        using var ws = new ReportWorkspace();
        // Shard b also ran gelu, but under another config (another learning rate): a different hash folder.
        var gelu = ResultStore.LoadCell(ws.Cell("shard-a", "gelu"));
        var config = gelu.Config with { Settings = gelu.Config.Settings with { LearningRate = gelu.Config.Settings.LearningRate * 2 } };
        var other = gelu with { Config = config, ConfigHash = config.Hash };
        new ResultStore(ws.ShardB).SaveCell(other);

        var error = Should.Throw<CellConflictException>(() => ReportBuilder.Build(ws.Input()));
        error.Message.ShouldContain("smoke/charlm/gelu");
        error.Message.ShouldContain("different config hashes");
        error.Message.ShouldContain(gelu.ConfigHash[..12]);
        error.Message.ShouldContain(config.Hash[..12]);
        error.Message.ShouldContain("never combined");
    }

    [Fact]
    public void The_same_config_with_different_numbers_in_two_shards_is_an_error_too()
    {
        using var ws = new ReportWorkspace();
        var gelu = ResultStore.LoadCell(ws.Cell("shard-a", "gelu"));
        var rerun = gelu with { Provenance = gelu.Provenance with { Machine = "another-runner" } };
        new ResultStore(ws.ShardB).SaveCell(rerun);

        var error = Should.Throw<CellConflictException>(() => ReportBuilder.Build(ws.Input()));
        error.Message.ShouldContain("smoke/charlm/gelu was found in two different files");
    }

    [Fact]
    public void A_byte_identical_copy_of_a_cell_in_another_shard_counts_once()
    {
        using var ws = new ReportWorkspace();
        string source = ws.Cell("shard-a", "gelu");
        string copy = Path.Combine(ws.ShardB, Path.GetRelativePath(ws.ShardA, source));
        Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
        File.Copy(source, copy);

        var report = ReportBuilder.Build(ws.Input());
        report.Markdown.ShouldContain("This appendix covers 3 cells");
        CountOf(report.Markdown, "[5751772c9eb1](").ShouldBe(1);
    }

    [Fact]
    public void A_profile_filter_keeps_only_that_profile()
    {
        using var ws = new ReportWorkspace();
        var report = ReportBuilder.Build(ws.Input() with { Profiles = ["cpu"] });
        report.Markdown.ShouldContain("This appendix covers 0 cells");
        JsonNode.Parse(File.ReadAllText(ws.Cell("shard-a", "gelu")))!["config"]!["profile"]!.GetValue<string>().ShouldBe("smoke");
    }

    private static int CountOf(string text, string part)
    {
        int count = 0;
        for (int i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + 1, StringComparison.Ordinal)) count++;
        return count;
    }
}
