using ReproSpecs.Harness.Records;
using ReproSpecs.Harness.Statistics;
using ReproSpecs.Harness.Training;
using ReproSpecs.Tests.Reports;
using ReproSpecs.Tests.Support;
using Shouldly;
using Xunit;

namespace ReproSpecs.Tests.Statistics;

/// <summary>
/// A merge of shards (one architecture each, as the GPU workflow runs) still decides H3: from the cells' records,
/// which give the same samples as their probabilities, re-adjusted with every other verdict as one family.
/// </summary>
[Collection(TrainingCollection.Name)]
public sealed class MergedVerdictsTests(TinyExperiment experiment)
{
    [Fact]
    public void A_cell_record_gives_the_same_sample_as_its_probabilities()
    {
        var result = experiment.PristineCell;
        var fromProbabilities = CellSample.FromCellResult(result);
        var fromRecord = CellSample.FromCellRecord(result.Record);

        fromRecord.Seeds.ShouldBe(fromProbabilities.Seeds);
        for (int i = 0; i < fromRecord.Trials; i++)
        for (int j = 0; j < fromRecord.Trials; j++)
            fromRecord.Pd(i, j).ShouldBe(fromProbabilities.Pd(i, j), 1e-12);
        fromRecord.Loss.ShouldBe(fromProbabilities.Loss);
        fromRecord.AllPositionsAccuracy.ShouldBe(fromProbabilities.AllPositionsAccuracy);
        fromRecord.Problem.ShouldBe(CellValidity.Reason(result.Record.ValidityProblems!), "the validity recorded at training time travels with the record (this 20-step cell did not learn)");
    }

    [Fact]
    public void Shards_without_an_H3_file_get_H3_decided_from_their_merged_cells_in_one_family()
    {
        // Transformers gain 30 %, the recurrent models nothing: a heterogeneous effect.
        var cells = new List<CellSample>();
        foreach (var (model, smooth) in new[] { ("charlm", 0.07), ("minigpt", 0.07), ("nanotransformer", 0.07), ("tinylstm", 0.1), ("hybridlm", 0.1) })
        {
            cells.Add(SyntheticFamilies.Cell(model, "relu", 0.1, trials: 8));
            foreach (var a in new[] { "smelu_05", "smelu_1", "gelu", "swish" }) cells.Add(SyntheticFamilies.Cell(model, a, smooth, trials: 8));
        }
        var provenance = Provenance.Capture("cpu", new string('a', 64), "t", "l", 1, 2);
        var files = cells.GroupBy(c => c.Model).Select(g => SyntheticFamilies.Architecture("smoke", g.Key, g.ToList(), provenance)).ToList();
        var records = cells.Select(Record).ToList();

        var merged = MergedVerdicts.Of(files, records, 0.05);

        int perArchitecture = files.Sum(f => f.Verdicts.Count);
        merged.Count.ShouldBe(perArchitecture + 2);
        merged.ShouldAllBe(v => v.FamilySize == perArchitecture + 2);
        merged.Single(v => v.Hypothesis.Id == "H3").Verdict.ShouldBe(Verdict.Supported);
        merged.Single(v => v.Hypothesis.Id == "H3[contrast]").Verdict.ShouldBe(Verdict.Supported);

        var withH3 = files.Append(SyntheticFamilies.H3("smoke", cells, provenance)).ToList();
        MergedVerdicts.Of(withH3, records, 0.05).Count(v => v.Hypothesis.Id == "H3").ShouldBe(1, "a file's H3 is used, not decided twice");
    }

    /// <summary>A cell record carrying a synthetic sample's pairwise PDs and scores, as a shard's cell.json would.</summary>
    private static CellRecord Record(CellSample sample)
    {
        var config = CellConfigs.For(Profiles.Smoke, sample.Model, sample.Activation, new string('a', 64), threads: 1);
        var trials = Enumerable.Range(0, sample.Trials).Select(k => new TrialRecord
        {
            ConfigHash = config.Hash, Index = k, Seeds = sample.Seeds[k], Status = TrialStatus.Completed, Parameters = 1,
            EvalFingerprint = "e", History = [], StepLosses = [], BestStep = 0, FinishedAt = DateTimeOffset.UnixEpoch,
            Timing = new TrialTiming(0, 0, 0, 0, 0, 0),
            Last = new Score(1, sample.Loss![k], sample.Accuracy![k], sample.Loss[k], sample.Accuracy[k]),
            Best = new Score(1, sample.Loss[k], sample.Accuracy[k], sample.Loss[k], sample.Accuracy[k]),
        }).ToList();
        var pairs = new List<PairRecord>();
        for (int i = 0; i < sample.Trials; i++)
        for (int j = i + 1; j < sample.Trials; j++)
        {
            var m = new PairMetrics(sample.Pd(i, j), 0, 0, 0);
            pairs.Add(new PairRecord(i, j, m, m));
        }
        return new CellRecord
        {
            Config = config, ConfigHash = config.Hash, EvalFingerprint = "e", Provenance = Provenance.Capture("cpu", config.CorpusSha256, "t", "l", 1, 2),
            Trials = trials, Pairs = pairs, Summary = new CellSummary(sample.Trials, 0, null, null, null),
        };
    }

    [Fact]
    public void The_best_weights_sample_from_a_record_equals_the_one_from_probabilities_too()
    {
        var result = experiment.PristineCell;
        var a = CellSample.FromCellResult(result, bestWeights: true);
        var b = CellSample.FromCellRecord(result.Record, bestWeights: true);
        for (int i = 0; i < a.Trials; i++)
        for (int j = 0; j < a.Trials; j++)
            b.Pd(i, j).ShouldBe(a.Pd(i, j), 1e-12);
        b.Loss.ShouldBe(a.Loss);
    }

    [Fact]
    public void A_record_missing_a_pair_is_refused_not_read_as_perfect_agreement()
    {
        var record = experiment.PristineCell.Record;
        Should.Throw<ReproSpecs.Harness.ReproSpecsException>(() => CellSample.FromCellRecord(record with { Pairs = record.Pairs.Skip(1).ToList() }));
    }

    [Fact]
    public void A_cell_that_recorded_a_validity_problem_marks_its_sample_and_a_clean_one_does_not()
    {
        var record = experiment.PristineCell.Record;
        record.ValidityProblems.ShouldNotBeNull();
        CellSample.FromCellRecord(record with { ValidityProblems = ["unit/charlm/gelu: did not learn"] }).Problem.ShouldBe("unit/charlm/gelu: did not learn");
        CellSample.FromCellRecord(record with { ValidityProblems = [] }).Problem.ShouldBeNull();
    }
}
