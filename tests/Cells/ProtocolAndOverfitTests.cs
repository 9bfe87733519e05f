using ReproSpecs.Harness.Records;
using ReproSpecs.Harness.Cells;
using ReproSpecs.Harness.Results;
using ReproSpecs.Tests.Support;
using Shouldly;
using Xunit;

namespace ReproSpecs.Tests.Cells;

/// <summary>
/// What a cell records beside its corrected figures: the study's as-coded Relative PD (a negative control)
/// and whether its trials overfit.
/// </summary>
[Collection(TrainingCollection.Name)]
public sealed class ProtocolAndOverfitTests(TinyExperiment experiment)
{
    private CellResult First => experiment.PristineCell;

    [Fact]
    public void Identical_models_agree_exactly_on_fixed_contexts_and_disagree_on_their_own_fresh_windows()
    {
        using var store = new TempDirectory();
        var record = new CellRunner(experiment.Context, new ResultStore(store.Path)).RunArm("charlm", "gelu", SeedArm.SameSeed).Record;
        foreach (var pair in record.Pairs)
        {
            pair.Last.RelativePd.ShouldBe(0.0, "corrected: the same seeds give the same model, scored on the same contexts");
            // 0.02 here: the unit models are barely trained on a synthetic text (the spec on Tiny Shakespeare asks 0.1).
            pair.AsCodedRelativePd.ShouldNotBeNull().ShouldBeGreaterThan(0.02, "as-coded: the same model, scored on other windows");
        }
        record.Summary.AsCodedRelativePd.ShouldNotBeNull().Mean.ShouldBeGreaterThan(0.02);
    }

    [Fact]
    public void Each_trial_stores_its_as_coded_score_and_probabilities_and_reuse_reads_them_back()
    {
        foreach (var trial in First.Record.Trials)
            trial.AsCoded.ShouldNotBeNull().ProbabilitiesFile.ShouldEndWith(".ascoded.f32");
        First.Record.Pairs.ShouldAllBe(p => p.AsCodedRelativePd != null);
        using var copy = new TempDirectory();
        copy.CopyFrom(experiment.PristineStore);
        var again = new CellRunner(experiment.Context, new ResultStore(copy.Path)).Run(experiment.Cell(), CellRunner.DefaultSeeds(TinyExperiment.Profile, 2));
        again.ReusedTrials.ShouldBe(2);
        again.Record.Pairs.Select(p => p.AsCodedRelativePd).ShouldBe(First.Record.Pairs.Select(p => p.AsCodedRelativePd));
    }

    [Fact]
    public void The_cell_records_overfit_when_a_last_validation_loss_exceeds_the_best_by_more_than_the_margin()
    {
        var record = First.Record;
        double margin = TinyExperiment.Profile.OverfitMargin;
        record.Config.Settings.OverfitMargin.ShouldBe(margin);
        record.Summary.Overfit.ShouldNotBeNull().Gaps.Count.ShouldBe(record.Trials.Count);

        TrialRecord WithLastAboveBest(TrialRecord t, double by)
        {
            double best = t.History.SkipLast(1).Min(p => p.ValLoss);
            return t with { History = [.. t.History.SkipLast(1), t.History[^1] with { ValLoss = best + by }] };
        }
        var overfit = record with { Trials = [WithLastAboveBest(record.Trials[0], 2 * margin + 0.01), WithLastAboveBest(record.Trials[1], 0)] };
        var summary = CellRunner.Summarise(overfit).Overfit.ShouldNotBeNull();
        summary.Overfit.ShouldBeTrue();
        summary.OverfitTrials.ShouldBe(1);
        new CellResult(overfit with { Summary = CellRunner.Summarise(overfit) }, [], [], 0).Overfit.ShouldBeTrue();

        var within = record with { Trials = [WithLastAboveBest(record.Trials[0], margin / 2), WithLastAboveBest(record.Trials[1], margin * 0.999)] };
        CellRunner.Summarise(within).Overfit.ShouldNotBeNull().Overfit.ShouldBeFalse("a gap within the margin is not overfitting");
    }
}
