using ReproSpecs.Harness.Design;
using ReproSpecs.Harness.Metrics;
using ReproSpecs.Harness.Records;
using ReproSpecs.Harness.Statistics;
using ReproSpecs.Reports.Store;
using ScottPlot;

namespace ReproSpecs.Reports.Figures;

/// <summary>
/// The report's figures, drawn with ScottPlot. Every function only reads verified records; colours are
/// fixed per activation (and per architecture) so the same activation looks the same in every figure.
/// </summary>
public static class Charts
{
    private static readonly IPalette Palette = new ScottPlot.Palettes.Category10();

    /// <summary>The colour of an activation (by its place in the study's grid).</summary>
    public static Color ActivationColor(string activation)
    {
        int i = StudyDesign.Study.ActivationNames.ToList().IndexOf(activation);
        return Palette.GetColor(i >= 0 ? i : StudyDesign.Study.ActivationNames.Count + Math.Abs(StableHash(activation)) % 4);
    }

    /// <summary>The colour of an architecture (by its place in the study's list).</summary>
    public static Color ModelColor(string model)
    {
        int i = StudyOrder.Architectures.ToList().IndexOf(model);
        return new ScottPlot.Palettes.Dark().GetColor(i >= 0 ? i : 6 + Math.Abs(StableHash(model)) % 2);
    }

    /// <summary>Mean Relative PD per activation, final and best-validation weights, with ±1 sample-std error bars.</summary>
    public static void RelativePdByActivation(Plot plot, string title, IReadOnlyList<CellRecord> cells)
    {
        var bars = new List<Bar>();
        var ticks = new List<Tick>();
        for (int i = 0; i < cells.Count; i++)
        {
            var s = cells[i].Summary;
            double x = i * 3;
            if (s.Last is { } last)
                bars.Add(new Bar { Position = x, Value = last.RelativePd.Mean, Error = last.RelativePd.Std, FillColor = ActivationColor(cells[i].Config.Activation) });
            if (s.Best is { } best)
                bars.Add(new Bar { Position = x + 1, Value = best.RelativePd.Mean, Error = best.RelativePd.Std, FillColor = ActivationColor(cells[i].Config.Activation).WithAlpha(0.45) });
            ticks.Add(new Tick(x + 0.5, cells[i].Config.Activation));
        }
        plot.Add.Bars(bars);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks.ToArray());
        plot.Axes.Margins(bottom: 0);
        plot.Title(title);
        plot.YLabel("Relative PD (mean ± std over pairs)");
        plot.XLabel("activation: solid = final weights, pale = best-validation weights");
    }

    /// <summary>
    /// Accuracy (x) against mean Relative PD (y), one point per cell, coloured by architecture, each labelled with
    /// its activation where the label overlaps no other label or point (<see cref="LabelPlacer"/>).
    /// </summary>
    public static void AccuracyVsReproducibility(Plot plot, string title, IReadOnlyList<CellRecord> cells, int width = 720, int height = 420)
    {
        var all = cells.Where(c => c.Summary.Last is not null).ToList();
        if (all.Count == 0) return;
        double X(CellRecord c) => c.Summary.Last!.Accuracy.Mean * 100;
        double Y(CellRecord c) => c.Summary.Last!.RelativePd.Mean;
        double lo = all.Min(X), hi = all.Max(X), span = Math.Max(hi - lo, 0.5);
        double ylo = all.Min(Y), yhi = all.Max(Y), yspan = Math.Max(yhi - ylo, 1e-3);
        var (xmin, xmax, ymin, ymax) = (lo - 0.12 * span, hi + 0.25 * span, ylo - 0.12 * yspan, yhi + 0.15 * yspan);
        var placer = new LabelPlacer(xmin, xmax, ymin, ymax, width, height);
        foreach (var c in all) placer.AddPoint(X(c), Y(c));
        var models = all.Select(c => c.Config.Model).Distinct().ToList();
        placer.ReserveUpperRightLegend(models.Count, models.Max(m => StudyOrder.ModelDisplayName(m).Length), 12);
        foreach (var model in models)
        {
            var mine = all.Where(c => c.Config.Model == model).ToList();
            var points = plot.Add.ScatterPoints(mine.Select(X).ToArray(), mine.Select(Y).ToArray(), ModelColor(model));
            points.MarkerSize = 9;
            points.LegendText = StudyOrder.ModelDisplayName(model);
        }
        foreach (var c in all)
        {
            if (placer.Place(c.Config.Activation, X(c), Y(c), 11) is not { } spot) continue; // no free spot: the point stays unlabelled
            var label = plot.Add.Text(c.Config.Activation, X(c), Y(c));
            label.LabelFontSize = 11;
            label.LabelFontColor = ModelColor(c.Config.Model);
            label.LabelAlignment = spot.Alignment;
            label.LabelOffsetX = spot.OffsetX;
            label.LabelOffsetY = spot.OffsetY;
        }
        plot.Axes.SetLimitsX(xmin, xmax);
        plot.Axes.SetLimitsY(ymin, ymax);
        plot.ShowLegend(Alignment.UpperRight);
        plot.Title(title);
        plot.XLabel("validation accuracy, final weights (%)");
        plot.YLabel("mean Relative PD");
    }

    /// <summary>
    /// Loss curves per activation, one colour each: the training loss of every step as the mean over the cell's
    /// trials (a moving average over <paramref name="window"/> steps, or 1/25 of the run) with a band from the lowest
    /// to the highest trial, and the validation loss at each periodic evaluation as the mean over trials (dashed, markers).
    /// </summary>
    public static void LossCurves(Plot plot, string title, IReadOnlyList<CellRecord> cells, int? window = null)
    {
        var later = new List<double>();
        foreach (var cell in cells)
        {
            var trials = cell.Trials.Where(t => t.Status == TrialStatus.Completed && t.StepLosses.Length > 0).ToList();
            if (trials.Count == 0) continue;
            var color = ActivationColor(cell.Config.Activation);
            int steps = trials.Min(t => t.StepLosses.Length), w = window ?? Math.Max(1, steps / 25);
            var smoothed = trials.Select(t => LossBands.MovingAverage(t.StepLosses, steps, w)).ToList();
            var band = LossBands.Across(smoothed);
            double[] xs = Enumerable.Range(1, steps).Select(i => (double)i).ToArray();
            var fill = plot.Add.FillY(xs, band.Low, band.High);
            fill.FillColor = color.WithAlpha(0.18);
            fill.LineWidth = 0;
            var mean = plot.Add.ScatterLine(xs, band.Mean, color);
            mean.LineWidth = 2;
            mean.LegendText = cell.Config.Activation;
            later.AddRange(band.Low.Skip(steps / 10));
            later.AddRange(band.High.Skip(steps / 10));

            var evals = trials.Where(t => t.History.Count > 0).Select(t => t.History).ToList();
            if (evals.Count == 0) continue;
            int points = evals.Min(h => h.Count);
            var valX = Enumerable.Range(0, points).Select(i => (double)evals[0][i].Step).ToArray();
            var valY = Enumerable.Range(0, points).Select(i => evals.Average(h => h[i].ValLoss)).ToArray();
            var val = plot.Add.ScatterLine(valX, valY, color);
            val.LinePattern = LinePattern.Dashed;
            val.LineWidth = 1.2f;
            val.MarkerShape = MarkerShape.OpenCircle;
            val.MarkerSize = 7;
            later.AddRange(valY.Where((_, i) => valX[i] > 0));
        }
        // The untrained loss (≈ ln V) would squash the part of the curves that differs between cells:
        // scale the y axis to the later part and let the first steps leave the frame.
        var finite = later.Where(double.IsFinite).ToList();
        if (finite.Count > 0)
        {
            double low = finite.Min(), high = finite.Max(), pad = Math.Max((high - low) * 0.08, 0.01);
            plot.Axes.SetLimitsY(low - pad, high + pad);
        }
        plot.ShowLegend(Alignment.UpperRight);
        plot.Title(title);
        plot.XLabel("step");
        plot.YLabel("loss (nats)");
    }

    /// <summary>Mean Relative PD per seed arm (in the order given) with ±1 sample-std error bars; each arm has its own fixed colour.</summary>
    public static void AblationBars(Plot plot, string title, IReadOnlyList<(SeedArm Arm, Summary RelativePd)> arms)
    {
        var bars = arms.Select((a, i) => new Bar
        {
            Position = i, Value = a.RelativePd.Mean, Error = a.RelativePd.Std,
            FillColor = Palette.GetColor(StudyOrder.Arms.ToList().IndexOf(a.Arm) is var k and >= 0 ? k : StudyOrder.Arms.Count),
        }).ToList();
        plot.Add.Bars(bars);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(arms.Select((a, i) => new Tick(i, SeedArms.Name(a.Arm))).ToArray());
        plot.Axes.Margins(bottom: 0);
        plot.Title(title);
        plot.YLabel("Relative PD (mean ± std over pairs)");
        plot.XLabel("seed arm: which source of randomness differs between trials");
    }

    /// <summary>
    /// A forest plot: one row per hypothesis (top to bottom in the order given), its effect (%) as a point with
    /// its confidence interval, coloured by verdict, and a line at 0 (no effect). An infinite interval end
    /// (too few trials to estimate it) runs out of the frame.
    /// </summary>
    public static void HypothesisEffects(Plot plot, string title, IReadOnlyList<HypothesisVerdict> verdicts)
    {
        int n = verdicts.Count;
        var finite = verdicts.SelectMany(v => new[] { v.Hypothesis.Comparison.EffectPercent, v.Hypothesis.Comparison.CiLowPercent, v.Hypothesis.Comparison.CiHighPercent })
            .Where(double.IsFinite).Append(0).ToList();
        double lo = finite.Min(), hi = finite.Max(), pad = Math.Max((hi - lo) * 0.08, 1);
        double Clip(double x) => double.IsFinite(x) ? x : x > 0 ? hi + 100 * pad : lo - 100 * pad;
        plot.Add.VerticalLine(0, color: Colors.Gray);
        for (int i = 0; i < n; i++)
        {
            var c = verdicts[i].Hypothesis.Comparison;
            if (!double.IsFinite(c.EffectPercent)) continue;
            double y = n - 1 - i;
            var color = verdicts[i].Verdict switch
            {
                Verdict.Supported => Colors.ForestGreen,
                Verdict.Contradicted => Colors.Crimson,
                Verdict.NoMeaningfulEffect => Colors.SteelBlue,
                _ => Colors.DimGray,
            };
            if (!double.IsNaN(c.CiLowPercent) && !double.IsNaN(c.CiHighPercent)) // H3's heterogeneity test has no interval
            {
                var ci = plot.Add.Line(Clip(c.CiLowPercent), y, Clip(c.CiHighPercent), y);
                ci.Color = color;
                ci.LineWidth = 2;
            }
            plot.Add.Marker(c.EffectPercent, y, MarkerShape.FilledCircle, 9, color);
        }
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(verdicts.Select((v, i) => new Tick(n - 1 - i, v.Hypothesis.Id)).ToArray());
        plot.Axes.SetLimitsX(lo - pad, hi + pad);
        plot.Axes.SetLimitsY(-0.7, n - 0.3);
        plot.Title(title);
        plot.XLabel("effect (A − B)/B in %, with confidence interval");
    }

    private static int StableHash(string s)
    {
        int h = 17;
        foreach (char c in s) h = unchecked(h * 31 + c);
        return h == int.MinValue ? 0 : h;
    }

    /// <summary>
    /// A sequential design's looks: for each hypothesis of one family, its effect (%) and interval at each look against
    /// the trials per cell (hypotheses offset slightly so their intervals do not overlap), the smallest effect of
    /// interest as a band around 0, and a line at 0.
    /// </summary>
    public static void SequentialLooks(Plot plot, string title, IReadOnlyList<HypothesisVerdict> verdicts)
    {
        var margin = verdicts.Where(v => v.Hypothesis.Comparison.Scale == EffectScale.LogRatio).Select(v => v.Sequential!.EquivalenceMarginPercent).DefaultIfEmpty(5).First();
        var band = plot.Add.VerticalSpan(-margin, margin); // a band in y: the smallest effect of interest
        band.FillStyle.Color = Colors.SteelBlue.WithAlpha(0.12);
        band.LineStyle.Width = 0;
        plot.Add.HorizontalLine(0, color: Colors.Gray);
        var finite = verdicts.SelectMany(v => v.Sequential!.Looks).SelectMany(l => new[] { l.EffectPercent, l.CiLowPercent, l.CiHighPercent })
            .Where(double.IsFinite).Append(margin).Append(-margin).ToList();
        double lo = finite.Min(), hi = finite.Max(), pad = Math.Max((hi - lo) * 0.06, 1);
        var palette = new ScottPlot.Palettes.Category10();
        int maxK = verdicts.SelectMany(v => v.Sequential!.Looks).Select(l => l.Trials).DefaultIfEmpty(3).Max();
        for (int h = 0; h < verdicts.Count; h++)
        {
            var looks = verdicts[h].Sequential!.Looks.Where(l => double.IsFinite(l.EffectPercent)).ToList();
            if (looks.Count == 0) continue;
            var color = palette.GetColor(h);
            double offset = (h - (verdicts.Count - 1) / 2.0) * 0.06 * Math.Max(1, maxK / 10.0);
            var xs = looks.Select(l => l.Trials + offset).ToArray();
            var line = plot.Add.ScatterLine(xs, looks.Select(l => l.EffectPercent).ToArray());
            line.Color = color;
            line.LineWidth = 1.5f;
            line.MarkerSize = 6;
            line.LegendText = $"{verdicts[h].Hypothesis.Id} ({(verdicts[h].Verdict == Verdict.NoMeaningfulEffect ? "no meaningful effect" : verdicts[h].Verdict.ToString().ToLowerInvariant())})";
            for (int i = 0; i < looks.Count; i++)
            {
                double a = double.IsFinite(looks[i].CiLowPercent) ? looks[i].CiLowPercent : lo - pad, b = double.IsFinite(looks[i].CiHighPercent) ? looks[i].CiHighPercent : hi + pad;
                var ci = plot.Add.Line(xs[i], a, xs[i], b);
                ci.Color = color.WithAlpha(0.6);
                ci.LineWidth = 1;
            }
        }
        plot.Axes.SetLimitsY(lo - pad, hi + pad);
        int minK = verdicts.SelectMany(v => v.Sequential!.Looks).Select(l => l.Trials).DefaultIfEmpty(3).Min();
        plot.Axes.SetLimitsX(minK - 1, maxK + 1);
        plot.ShowLegend(Edge.Right); // beside the plot: nine hypotheses' labels would cover their own intervals
        plot.Title(title);
        plot.XLabel("trials per cell (K) at the look");
        plot.YLabel("effect (A − B)/B in %, 95 % interval");
    }
}
