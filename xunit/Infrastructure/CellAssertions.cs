using ReproSpecs.Harness.Metrics;
using ReproSpecs.Harness.Records;
using ReproSpecs.Harness.Results;
using ReproSpecs.Harness.Statistics;
using Shouldly;
using Xunit;

namespace ReproSpecs.Specs.Infrastructure;

/// <summary>The assertions every (model, activation) cell must pass, shared by all architecture spec classes.</summary>
public static class CellAssertions
{
    /// <summary>How far below the unigram entropy the mean loss must be for "the model learned" (<see cref="CellValidity.LearnedMarginNats"/>).</summary>
    public const double LearnedMarginNats = CellValidity.LearnedMarginNats;


    /// <summary>Runs the cell and checks it; returns the result for further checks.</summary>
    public static CellResult RunAndCheck(ExperimentFixture fixture, string model, string activation)
    {
        var result = fixture.Cell(model, activation);
        var record = result.Record;
        string cell = record.Config.Label;

        // The rule every hypothesis also applies before resting on a cell (harness: CellValidity): no trial
        // diverged or has a non-finite loss, the models learned, no trial is degenerate.
        double entropy = fixture.Context.Data.ValidationUnigramEntropy();
        CellValidity.Problems(result, entropy, record.Config.VocabSize).ShouldBeEmpty($"{cell}: the cell fails its spec");

        // Distinct seeds disagree, but never by more than the metric's range.
        foreach (var pair in record.Pairs)
        {
            pair.Last.RelativePd.ShouldBeGreaterThan(0, $"{cell}: trials {pair.TrialA} and {pair.TrialB} have distinct seeds but identical predictions: a seed does not reach training");
            pair.Last.RelativePd.ShouldBeLessThanOrEqualTo(1.0, $"{cell}: Relative PD {pair.Last.RelativePd} outside (0, 1]");
        }

        // The CI gate: at or below the committed baseline plus tolerance.
        // A test project of one's own may have no baselines yet: then every cell is ungated (a skip that says how to record them).
        string baselinesFile = Path.Combine(AppContext.BaseDirectory, "baselines.json");
        double mean = record.Summary.Last!.RelativePd.Mean;
        Skip.If(!File.Exists(baselinesFile),
            $"{cell}: all checks passed (mean Relative PD {mean:F5}); no baselines.json beside the test assembly, so the threshold gate was not applied. Record one with reprospecs baselines --profile {record.Config.Profile} and copy it to the output (CopyToOutputDirectory)");
        var baselines = Baselines.Load(baselinesFile);
        double? threshold = baselines.Threshold(record.Config.Profile, model, activation);
        Skip.If(threshold is null,
            $"{cell}: all checks passed (mean Relative PD {mean:F5}); no baseline recorded for this cell, so the threshold gate was not applied. Record one with: dotnet run --project cli -- baselines --profile {record.Config.Profile}");
        mean.ShouldBeLessThanOrEqualTo(threshold!.Value,
            $"{cell}: mean Relative PD {mean:F5} exceeds the baseline threshold {threshold:F5} ({baselines.Get(record.Config.Profile, model, activation):F5} + {baselines.Tolerance:P0})");
        return result;
    }
}
