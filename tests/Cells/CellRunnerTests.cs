using ReproSpecs.Harness;
using ReproSpecs.Harness.Activations;
using ReproSpecs.Harness.Cells;
using ReproSpecs.Harness.Records;
using ReproSpecs.Harness.Results;
using ReproSpecs.Tests.Support;
using Shouldly;
using Xunit;

namespace ReproSpecs.Tests.Cells;

/// <summary>
/// Running a cell into a results store, and reusing (or refusing to reuse) what a store holds. Each test
/// works on its own copy of a store the fixture filled once, so only retraining tests train.
/// </summary>
[Collection(TrainingCollection.Name)]
public sealed class CellRunnerTests : IDisposable
{
    private readonly TinyExperiment _experiment;
    private readonly TempDirectory _temp = new();

    public CellRunnerTests(TinyExperiment experiment)
    {
        _experiment = experiment;
        _temp.CopyFrom(experiment.PristineStore);
    }

    public void Dispose() => _temp.Dispose();

    private CellResult First => _experiment.PristineCell;
    private CellConfig Cell => _experiment.Cell();
    private ResultStore Store => new(_temp.Path);
    private static IReadOnlyList<TrialSeeds> Seeds => CellRunner.DefaultSeeds(TinyExperiment.Profile, 2);

    private CellResult Rerun() => new CellRunner(_experiment.Context, Store).Run(Cell, Seeds);

    private string CellFile(string name) => Path.Combine(Store.CellDirectory(Cell), name);

    private static int[] Bits(float[]? values) => values.ShouldNotBeNull().Select(BitConverter.SingleToInt32Bits).ToArray();

    private static void ShouldHaveSameNumbers(CellResult actual, CellResult expected)
    {
        actual.Record.ConfigHash.ShouldBe(expected.Record.ConfigHash);
        actual.Record.Pairs.ShouldBe(expected.Record.Pairs);
        for (int k = 0; k < expected.Record.Trials.Count; k++)
        {
            var (a, e) = (actual.Record.Trials[k], expected.Record.Trials[k]);
            a.Last.ShouldBe(e.Last);
            a.Best.ShouldBe(e.Best);
            a.History.ShouldBe(e.History);
            a.StepLosses.ShouldBe(e.StepLosses);
            Bits(actual.LastProbabilities[k]).ShouldBe(Bits(expected.LastProbabilities[k]));
            Bits(actual.BestProbabilities[k]).ShouldBe(Bits(expected.BestProbabilities[k]));
        }
    }

    [Fact]
    public void A_cell_run_writes_its_config_every_trial_with_probabilities_and_the_cell_record()
    {
        First.ReusedTrials.ShouldBe(0);
        string dir = Path.Combine(TinyExperiment.Profile.Name, "charlm", "gelu", Cell.ShortHash);
        // Hidden files are the per-trial lock files (kept: deleting a lock file while held would break locking).
        _temp.Files().Where(f => Path.GetFileName(f).StartsWith('.')).ShouldAllBe(f => f.EndsWith(".lock"));
        _temp.Files().Where(f => !Path.GetFileName(f).StartsWith('.')).ShouldBe(new[]
        {
            "cell.json", "config.json",
            "trial-00-i42-d42-o42.ascoded.f32", "trial-00-i42-d42-o42.best.f32", "trial-00-i42-d42-o42.json", "trial-00-i42-d42-o42.last.f32",
            "trial-01-i43-d43-o43.ascoded.f32", "trial-01-i43-d43-o43.best.f32", "trial-01-i43-d43-o43.json", "trial-01-i43-d43-o43.last.f32",
        }.Select(f => Path.Combine(dir, f)).Order(StringComparer.Ordinal));

        SealedJson.Read<CellConfig>(CellFile("config.json")).ShouldBe(Cell);
        var onDisk = ResultStore.LoadCell(Store.CellPath(Cell));
        onDisk.ConfigHash.ShouldBe(Cell.Hash);
        onDisk.Config.ShouldBe(Cell);
        onDisk.EvalFingerprint.ShouldBe(_experiment.Context.EvalSet.Fingerprint);
        onDisk.Trials.Select(t => t.Seeds).ShouldBe([TrialSeeds.All(42), TrialSeeds.All(43)]);
        onDisk.Pairs.ShouldBe(First.Record.Pairs);
        onDisk.Provenance.CorpusSha256.ShouldBe(_experiment.Corpus.Sha256);
        onDisk.Provenance.SchemaVersion.ShouldBe(SealedJson.SchemaVersion);
        onDisk.Summary.CompletedTrials.ShouldBe(2);
        onDisk.Summary.Last.ShouldNotBeNull().RelativePd.Mean.ShouldBe(First.Record.Pairs.Single().Last.RelativePd);

        var pair = First.Record.Pairs.Single();
        (pair.TrialA, pair.TrialB).ShouldBe((0, 1));
        pair.Last.RelativePd.ShouldBeInRange(1e-9, 1, "distinct seeds disagree somewhat, never more than completely");
    }

    [Fact]
    public void The_stored_probabilities_are_the_ones_the_metrics_were_computed_from()
    {
        var trial = SealedJson.Read<TrialRecord>(CellFile("trial-01-i43-d43-o43.json"));
        var last = trial.Last.ShouldNotBeNull();
        float[] read = ProbabilityFile.Read(CellFile(last.ProbabilitiesFile), last.ProbabilitiesSha256,
            TinyExperiment.Profile.EvalContexts, Harness.Data.CharVocabulary.Size);
        Bits(read).ShouldBe(Bits(First.LastProbabilities[1]));
    }

    [Fact]
    public void A_rerun_reuses_every_trial_and_gives_identical_numbers()
    {
        var second = Rerun();

        second.ReusedTrials.ShouldBe(2);
        ShouldHaveSameNumbers(second, First);
        second.Record.Trials.Select(t => t.FinishedAt).ShouldBe(First.Record.Trials.Select(t => t.FinishedAt), "reused, not retrained");
    }

    [Fact]
    public void A_hand_edited_trial_file_is_retrained_not_reused()
    {
        string trialFile = CellFile("trial-00-i42-d42-o42.json");
        string text = File.ReadAllText(trialFile);
        int at = text.IndexOf("\"best_step\": ", StringComparison.Ordinal) + "\"best_step\": ".Length;
        File.WriteAllText(trialFile, text[..at] + (text[at] == '1' ? '2' : '1') + text[(at + 1)..]);

        var second = Rerun();

        second.ReusedTrials.ShouldBe(1);
        second.Record.Trials[0].FinishedAt.ShouldNotBe(First.Record.Trials[0].FinishedAt, "trial 0 was retrained");
        second.Record.Trials[1].FinishedAt.ShouldBe(First.Record.Trials[1].FinishedAt, "trial 1 was reused");
        ShouldHaveSameNumbers(second, First);
        SealedJson.Read<TrialRecord>(trialFile).FinishedAt.ShouldBe(second.Record.Trials[0].FinishedAt, "the retrained trial replaced the edited file");
    }

    [Fact]
    public void A_trial_whose_probability_file_is_missing_is_retrained()
    {
        File.Delete(CellFile("trial-01-i43-d43-o43.best.f32"));

        var second = Rerun();

        second.ReusedTrials.ShouldBe(1);
        second.Record.Trials[1].FinishedAt.ShouldNotBe(First.Record.Trials[1].FinishedAt);
        ShouldHaveSameNumbers(second, First);
        File.Exists(CellFile("trial-01-i43-d43-o43.best.f32")).ShouldBeTrue();
    }

    [Fact]
    public void A_trial_is_not_reused_under_another_config_or_other_contexts()
    {
        var fingerprint = _experiment.Context.EvalSet.Fingerprint;
        string code = CodeFingerprint.Of(Cell);
        int rows = TinyExperiment.Profile.EvalContexts, vocab = Harness.Data.CharVocabulary.Size;
        Store.TryLoadTrial(Cell, 0, Seeds[0], fingerprint, code, rows, vocab, out var problem).ShouldNotBeNull();
        problem.ShouldBeNull();

        // Another config lives in another folder: nothing to reuse there.
        var other = Cell with { Settings = Cell.Settings with { LearningRate = 1e-3 } };
        Store.CellDirectory(other).ShouldNotBe(Store.CellDirectory(Cell));
        Store.TryLoadTrial(other, 0, Seeds[0], fingerprint, code, rows, vocab, out problem).ShouldBeNull();
        problem.ShouldBeNull();

        // A trial file carried into another config's folder is recognised as foreign.
        Directory.CreateDirectory(Store.CellDirectory(other));
        File.Copy(Store.TrialPath(Cell, 0, Seeds[0]), Store.TrialPath(other, 0, Seeds[0]));
        Store.TryLoadTrial(other, 0, Seeds[0], fingerprint, code, rows, vocab, out problem).ShouldBeNull();
        problem.ShouldNotBeNull().ShouldContain("another config");

        // Scored on other contexts, or asked for with other seeds: not reused.
        Store.TryLoadTrial(Cell, 0, Seeds[0], new string('0', 64), code, rows, vocab, out problem).ShouldBeNull();
        problem.ShouldNotBeNull().ShouldContain("other contexts");
        File.Copy(Store.TrialPath(Cell, 0, Seeds[0]), Store.TrialPath(Cell, 0, Seeds[1]));
        Store.TryLoadTrial(Cell, 0, Seeds[1], fingerprint, code, rows, vocab, out problem).ShouldBeNull();
        problem.ShouldNotBeNull().ShouldContain("other seeds");
    }

    [Fact]
    public void A_trial_computed_by_other_code_is_not_reused()
    {
        var fingerprint = _experiment.Context.EvalSet.Fingerprint;
        int rows = TinyExperiment.Profile.EvalContexts, vocab = Harness.Data.CharVocabulary.Size;

        Store.TryLoadTrial(Cell, 0, Seeds[0], fingerprint, "0000000000000000", rows, vocab, out var problem).ShouldBeNull();

        problem.ShouldNotBeNull().ShouldContain("computed by other code");
    }

    /// <summary>
    /// The audit's reproduction: an activation's implementation swapped under its registered name. The stored
    /// trials were computed by the old implementation, so they are retrained, never served as the new one's.
    /// </summary>
    [Fact]
    public void Swapping_an_activations_implementation_under_its_name_retrains_instead_of_reusing()
    {
        var original = ActivationRegistry.Get("gelu");
        var relu = ActivationRegistry.Get("relu");
        try
        {
            ActivationRegistry.Register(original with { Function = x => relu.Function(x) });

            var swapped = Rerun();

            swapped.ReusedTrials.ShouldBe(0);
            swapped.Record.Trials[0].Last!.Loss.ShouldNotBe(First.Record.Trials[0].Last!.Loss, "the new implementation computed new numbers");
        }
        finally
        {
            ActivationRegistry.Register(original);
        }
        var restored = Rerun();
        restored.ReusedTrials.ShouldBe(0, "the store now holds the swapped implementation's trials, which the original must not reuse either");
        ShouldHaveSameNumbers(restored, First);
    }

    [Fact]
    public void A_cell_needs_at_least_two_trials()
    {
        using var empty = new TempDirectory();
        var e = Should.Throw<ConfigurationException>(() =>
            new CellRunner(_experiment.Context, new ResultStore(empty.Path)).Run(Cell, [TrialSeeds.All(42)]));
        e.Message.ShouldContain("at least 2 trials");
        empty.Files().ShouldBeEmpty();
    }

    [Fact]
    public void A_trial_trained_under_the_divergence_fault_seam_has_another_code_fingerprint()
    {
        string clean = CodeFingerprint.Of(Cell);
        try
        {
            Environment.SetEnvironmentVariable(Harness.Configuration.EnvironmentVariables.FaultDiverge, "3");
            CodeFingerprint.Of(Cell).ShouldNotBe(clean, "a poisoned trial must never be reused as a real one");
        }
        finally { Environment.SetEnvironmentVariable(Harness.Configuration.EnvironmentVariables.FaultDiverge, null); }
        CodeFingerprint.Of(Cell).ShouldBe(clean);
    }

    [Fact]
    public void A_runner_that_never_trains_refuses_a_missing_trial_and_trains_nothing()
    {
        new CellRunner(_experiment.Context, Store) { NeverTrain = true }.Run(Cell, Seeds)
            .ReusedTrials.ShouldBe(2, "a complete store is computed from its trials alone");
        string trial = Store.TrialPath(Cell, 1, Seeds[1]);
        File.Delete(trial);
        var before = Directory.EnumerateFiles(Store.CellDirectory(Cell)).Order(StringComparer.Ordinal).ToList();
        var e = Should.Throw<ResultFileException>(() => new CellRunner(_experiment.Context, Store) { NeverTrain = true }.Run(Cell, Seeds));
        e.Message.ShouldStartWith($"Trial 1 of {Cell.Label} is not in the results store and this run never trains");
        File.Exists(trial).ShouldBeFalse("nothing was trained");
        Directory.EnumerateFiles(Store.CellDirectory(Cell)).Order(StringComparer.Ordinal).ToList().ShouldBe(before);
    }
}
