using ReproSpecs.Harness.Activations;
using ReproSpecs.Harness.Cells;
using ReproSpecs.Harness.Data;
using ReproSpecs.Harness.Records;
using ReproSpecs.Harness.Results;
using ReproSpecs.Harness.Training;
using Shouldly;
using Xunit;

namespace ReproSpecs.Tests.Reliability;

/// <summary>Divergence, a full disk, an unwritable folder and bad configuration: each gives a clear outcome and loses nothing.</summary>
[Collection(ReliabilityCollection.Name)]
public sealed class FailureModeTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "reprospecs-fail-" + Guid.NewGuid().ToString("N"));

    /// <summary>A tiny profile on a synthetic corpus: fast, and independent of the real corpus.</summary>
    private static Profile Tiny => TinyCell.Profile;

    private static Corpus SyntheticCorpus() => TinyCell.SyntheticCorpus();

    [Fact]
    public void A_trial_whose_loss_turns_NaN_is_recorded_as_diverged_and_kept_out_of_every_comparison()
    {
        // An activation that turns into NaN after a number of calls: divergence on demand.
        int calls = 0;
        ActivationRegistry.Register(new ActivationSpec("test_nan_after_25", "NaN after 25 calls", "x, then NaN",
            x => Interlocked.Increment(ref calls) > 25 ? x * double.NaN : x * 1.0));
        using var context = ExperimentContext.Create(Tiny, SyntheticCorpus());
        var runner = new CellRunner(context, new ResultStore(_root));

        var result = runner.Run("charlm", "test_nan_after_25", trials: 3);

        var diverged = result.Record.Trials.Where(t => t.Status == TrialStatus.Diverged).ToList();
        diverged.ShouldNotBeEmpty();
        foreach (var t in diverged)
        {
            int step = t.DivergedAtStep.ShouldNotBeNull();
            t.Last.ShouldBeNull("a diverged trial has no scores");
            bool trainNaN = step > 0 && !float.IsFinite(t.StepLosses[step - 1]);
            bool evalNaN = t.History.Any(p => p.Step == step && !(double.IsFinite(p.TrainLoss) && double.IsFinite(p.ValLoss)));
            (trainNaN || evalNaN).ShouldBeTrue($"step {step} is where a loss first became non-finite");
            t.StepLosses.Take(Math.Max(step - 1, 0)).ShouldAllBe(l => float.IsFinite(l), "every earlier training loss was finite");
            t.StepLosses.Length.ShouldBeLessThan(Tiny.MaxIters, "training stopped early");
            result.Record.Pairs.ShouldNotContain(p => p.TrialA == t.Index || p.TrialB == t.Index);
        }
        result.Record.Summary.DivergedTrials.ShouldBe(diverged.Count);
    }

    [Fact]
    public void A_full_disk_gives_a_clear_error_and_leaves_earlier_results_intact()
    {
        using var context = ExperimentContext.Create(Tiny, SyntheticCorpus());
        var store = new ResultStore(_root);
        new CellRunner(context, store).Run("charlm", "relu", trials: 2);
        var before = StoreInspection.Numbers(_root);

        int writes = 0;
        AtomicFile.FaultInjector = path => Interlocked.Increment(ref writes) > 2 ? new IOException("No space left on device") : null;
        try
        {
            var error = Should.Throw<ResultFileException>(() => new CellRunner(context, store).Run("charlm", "gelu", trials: 2));
            error.Message.ShouldContain("No space left on device");
            error.Message.ShouldContain("Earlier results are intact");
            error.Message.ShouldNotContain("\n");
        }
        finally
        {
            AtomicFile.FaultInjector = null;
        }
        StoreInspection.AssertEveryCommittedFileIsWhole(_root);
        StoreInspection.Numbers(_root).ShouldBe(before, "the earlier cell is untouched");
        Directory.EnumerateFiles(_root, "*.tmp", SearchOption.AllDirectories).ShouldBeEmpty("a failed write removes its temporary file");

        // Once space is back, the rerun completes the cell.
        new CellRunner(context, store).Run("charlm", "gelu", trials: 2).Record.Summary.CompletedTrials.ShouldBe(2);
    }

    [Fact]
    public void An_unwritable_results_folder_gives_a_clear_error()
    {
        Directory.CreateDirectory(_root);
        string notAFolder = Path.Combine(_root, "file");
        File.WriteAllText(notAFolder, "a file where the results folder should be");
        using var context = ExperimentContext.Create(Tiny, SyntheticCorpus());
        var error = Should.Throw<ResultFileException>(() => new CellRunner(context, new ResultStore(notAFolder)).Run("charlm", "relu", trials: 2));
        error.Message.ShouldContain(notAFolder);
        error.Message.ShouldContain("REPROSPECS_RESULTS");
        error.Message.ShouldContain("is a file, not a folder");
    }

    [Theory]
    [InlineData(new[] { "--profile", "nope" }, "Unknown profile 'nope'")]
    [InlineData(new[] { "--arch", "transformer9" }, "Unknown architecture 'transformer9'")]
    [InlineData(new[] { "--activation", "tanhh" }, "Unknown activation 'tanhh'")]
    [InlineData(new[] { "--activation", "smelu:-1" }, "SmeLU β must be a number > 0")]
    [InlineData(new[] { "--trials", "1" }, "--trials must be a whole number >= 2")]
    [InlineData(new[] { "--trials", "abc" }, "--trials must be a whole number >= 2")]
    [InlineData(new[] { "--trials", "100000" }, "--trials must be a whole number >= 2 and <= 1000")]
    [InlineData(new[] { "--threads", "abc" }, "--threads must be a whole number >= 1")]
    [InlineData(new[] { "--threads", "0" }, "--threads must be a whole number >= 1")]
    [InlineData(new[] { "--max-iters", "0" }, "--max-iters must be a whole number >= 1")]
    [InlineData(new[] { "--profile", "lite" }, "CUDA")]
    public void The_command_rejects_bad_configuration_before_training_with_one_line(string[] args, string expected)
    {
        string results = Path.Combine(_root, "cli");
        var (code, output) = CliProcess.Run(["run", "--arch", "charlm", "--activation", "gelu", "--corpus", "/nonexistent/corpus.txt", "--results", results, .. args]);
        code.ShouldBe(2, output);
        output.ShouldContain(expected);
        output.Trim().Split('\n').Length.ShouldBe(1, "one clear line, no stack trace");
        Directory.Exists(results).ShouldBeFalse("nothing was trained or written");
    }

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }
}
