using ReproSpecs.Harness.Records;
using ReproSpecs.Harness.Cells;
using ReproSpecs.Harness.Results;
using ReproSpecs.Harness.Training;
using ReproSpecs.Reports;
using ReproSpecs.Reports.Store;
using ReproSpecs.Tests.Reliability;
using Shouldly;
using Xunit;

namespace ReproSpecs.Tests.Reports;

/// <summary>
/// Issue #14 item 5: the report verifies every file it reads, not only cell.json: config.json's seal, every
/// trial JSON and every probabilities file a trial names, on a real (tiny) store.
/// </summary>
[Collection(ReliabilityCollection.Name)]
public sealed class StoreIntegrityTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "reprospecs-integrity-" + Guid.NewGuid().ToString("N"));
    private readonly ResultStore _store;
    private readonly CellRecord _relu, _gelu;

    public StoreIntegrityTests()
    {
        _store = new ResultStore(_root);
        using var context = ExperimentContext.Create(TinyCell.Profile, TinyCell.SyntheticCorpus());
        var runner = new CellRunner(context, _store);
        _relu = runner.Run("charlm", "relu", 2).Record;
        _gelu = runner.Run("charlm", "gelu", 2).Record;
    }

    private string Trial(CellRecord cell, int k) => _store.TrialPath(cell.Config, k, cell.Trials[k].Seeds);

    private List<(StoredFile File, FileProblem Problem)> Problems() => ResultsCatalog.Load([_root]).Problems.ToList();

    [Fact]
    public void A_whole_store_verifies_every_file_it_holds()
    {
        var catalog = ResultsCatalog.Load([_root]);
        catalog.Problems.ShouldBeEmpty();
        // Per cell: cell.json, config.json, 2 trial JSONs, 2 × (last, best, as-coded) probabilities.
        catalog.FileCount.ShouldBe(2 * (1 + 1 + 2 + 6));
    }

    [Fact]
    public void A_truncated_trial_json_is_flagged()
    {
        string path = Trial(_relu, 1);
        File.WriteAllText(path, File.ReadAllText(path)[..200]);
        var problem = Problems().ShouldHaveSingleItem();
        problem.File.FullPath.ShouldBe(path);
        problem.Problem.Kind.ShouldBe(FileProblemKind.Unreadable);
    }

    [Fact]
    public void A_flipped_byte_in_a_probabilities_file_is_flagged_as_altered()
    {
        string path = Path.Combine(_store.CellDirectory(_relu.Config), _relu.Trials[0].Last!.ProbabilitiesFile);
        var bytes = File.ReadAllBytes(path);
        bytes[bytes.Length / 2] ^= 0x01;
        File.WriteAllBytes(path, bytes);
        var problem = Problems().ShouldHaveSingleItem();
        problem.File.FullPath.ShouldBe(path);
        problem.Problem.Kind.ShouldBe(FileProblemKind.Altered);
    }

    [Fact]
    public void A_deleted_probabilities_file_is_flagged_as_missing()
    {
        string path = Path.Combine(_store.CellDirectory(_gelu.Config), _gelu.Trials[1].Best!.ProbabilitiesFile);
        File.Delete(path);
        var problem = Problems().ShouldHaveSingleItem();
        problem.File.FullPath.ShouldBe(path);
        problem.Problem.Kind.ShouldBe(FileProblemKind.Missing);
    }

    [Fact]
    public void A_trial_copied_in_from_another_cell_is_flagged_as_mismatched()
    {
        File.Copy(Trial(_gelu, 0), Trial(_relu, 0), overwrite: true); // same seeds, so the same file name
        var problem = Problems().ShouldHaveSingleItem();
        problem.File.FullPath.ShouldBe(Trial(_relu, 0));
        problem.Problem.Kind.ShouldBe(FileProblemKind.Mismatched);
        problem.Problem.Message.ShouldContain("copied in from another cell");
    }

    [Fact]
    public void A_trial_a_seed_arm_lists_is_verified_too_and_its_loss_is_flagged()
    {
        // The init arm's trial 1 (seeds i43-d42-o42) is a file of its own; the study's cell.json does not list it.
        using (var context = ExperimentContext.Create(TinyCell.Profile, TinyCell.SyntheticCorpus()))
            new CellRunner(context, _store).RunArm("charlm", "relu", SeedArm.InitOnly, 2);
        Problems().ShouldBeEmpty();
        var arm = SealedJson.Read<CellRecord>(Path.Combine(_store.CellDirectory(_relu.Config), StoreLayout.CellFileName(SeedArm.InitOnly)));
        string own = Trial(arm, 1);
        _relu.Trials.ShouldNotContain(t => t.Seeds == arm.Trials[1].Seeds);
        File.Delete(own);
        var problem = Problems().ShouldHaveSingleItem("before the fix, only cell.json's trials were checked: a trial an arm lists could go missing unnoticed");
        problem.File.FullPath.ShouldBe(own);
        problem.Problem.Kind.ShouldBe(FileProblemKind.Missing);
        problem.Problem.Message.ShouldContain("cell-init.json lists its trial");
    }

    [Fact]
    public void An_altered_config_json_is_flagged_in_the_report()
    {
        string path = _store.ConfigPath(_relu.Config);
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"max_iters\": 40", "\"max_iters\": 41", StringComparison.Ordinal));
        var problem = Problems().ShouldHaveSingleItem();
        problem.File.FullPath.ShouldBe(path);
        problem.Problem.Kind.ShouldBe(FileProblemKind.Altered);
    }

    [Fact]
    public void Reading_the_store_for_a_report_writes_nothing()
    {
        var before = TinyCell.Snapshot(_root);
        string output = Path.Combine(_root + "-out");
        try
        {
            ReportBuilder.Build(new ReportInput([], [_root], output));
            TinyCell.Snapshot(_root).ShouldBe(before);
        }
        finally { if (Directory.Exists(output)) Directory.Delete(output, true); }
    }

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }
}
