using ReproSpecs.Reports.Figures;
using ReproSpecs.Reports.Store;
using ScottPlot;
using Shouldly;
using Xunit;

namespace ReproSpecs.Tests.Reports;

/// <summary>What the figures draw: one mean curve and band per activation (not a line per trial), and scatter labels that never overlap.</summary>
public class FigureTests
{
    [Fact]
    public void The_moving_average_and_the_band_across_trials_have_known_values()
    {
        LossBands.MovingAverage([4, 2, 6, 8, float.NaN, 2], 6, 2).ShouldBe([4, 3, 4, 7, 8, 2]);
        var (mean, low, high) = LossBands.Across([[1, 4], [3, 2], [2, 6]]);
        mean.ShouldBe([2, 4]);
        low.ShouldBe([1, 2]);
        high.ShouldBe([3, 6]);
    }

    [Fact]
    public void The_loss_figure_draws_one_band_one_training_curve_and_one_validation_curve_per_activation()
    {
        using var ws = new ReportWorkspace();
        var cells = ResultsCatalog.Load([ws.ShardA, ws.ShardB]).GoodCells.ToList();
        cells.Count.ShouldBe(3);
        cells.ShouldAllBe(c => c.Trials.Count == 3);
        var plot = new Plot();
        Charts.LossCurves(plot, "t", cells);
        var plottables = plot.GetPlottables().ToList();
        plottables.OfType<ScottPlot.Plottables.FillY>().Count().ShouldBe(3, "one band per activation");
        var lines = plottables.OfType<ScottPlot.Plottables.Scatter>().ToList();
        lines.Count.ShouldBe(6, "a training and a validation curve per activation, not a line per trial");
        lines.Where(l => !string.IsNullOrEmpty(l.LegendText)).Select(l => l.LegendText).ShouldBe(["relu", "gelu", "swiglu"], "the legend names every curve's activation once");
        // The training curve is the mean over the cell's trials of every step, smoothed over 1/25 of the run.
        var relu = cells[0];
        int steps = relu.Trials.Min(t => t.StepLosses.Length), window = Math.Max(1, steps / 25);
        var expected = LossBands.Across(relu.Trials.Select(t => LossBands.MovingAverage(t.StepLosses, steps, window)).ToList()).Mean;
        lines[0].Data.GetScatterPoints().Select(p => p.Y).ShouldBe(expected);
        lines[0].Data.GetScatterPoints().Count.ShouldBe(steps);
        // The validation curve: the mean over trials at each periodic evaluation.
        lines[1].Data.GetScatterPoints().Select(p => p.Y).ShouldBe(Enumerable.Range(0, relu.Trials[0].History.Count).Select(i => relu.Trials.Average(t => t.History[i].ValLoss)));
    }

    [Fact]
    public void Placed_labels_never_overlap_each_other_or_a_point()
    {
        // 36 points on a 6 × 6 grid packed close together, as a full study's scatter can be.
        var placer = new LabelPlacer(0, 10, 0, 10, 720, 420);
        var points = Enumerable.Range(0, 36).Select(i => (X: 1 + i % 6 * 1.4, Y: 1 + i / 6 * 1.5)).ToList();
        foreach (var (x, y) in points) placer.AddPoint(x, y);
        int placed = 0;
        foreach (var (x, y) in points)
            if (placer.Place("smelu_05", x, y, 11) is not null) placed++;
        placed.ShouldBeGreaterThan(0);
        placer.Boxes.Count.ShouldBe(36 + placed);
        for (int i = 0; i < placer.Boxes.Count; i++)
            for (int j = i + 1; j < placer.Boxes.Count; j++)
                LabelPlacer.Overlaps(placer.Boxes[i], placer.Boxes[j]).ShouldBeFalse($"boxes {i} and {j} overlap");
    }

    [Fact]
    public void A_label_goes_to_the_other_side_when_its_right_side_is_taken_and_is_left_out_when_no_side_is_free()
    {
        var placer = new LabelPlacer(0, 10, 0, 10, 720, 420);
        placer.AddPoint(5, 5);
        placer.Place("gelu", 5, 5, 11)!.Value.Alignment.ShouldBe(Alignment.MiddleLeft, "first choice: right of the point");
        // A point just left of the first: its right side is the first point's marker, so its label goes left.
        placer.AddPoint(4.8, 5);
        placer.Place("swish", 4.8, 5, 11)!.Value.Alignment.ShouldBe(Alignment.MiddleRight);
        placer.Place(new string('x', 100), 5, 5, 11).ShouldBeNull("wider than the data area on every side");
    }
}
