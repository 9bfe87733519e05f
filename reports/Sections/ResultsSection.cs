using System.Text;
using ReproSpecs.Harness.Records;
using ReproSpecs.Harness.Results;
using ReproSpecs.Reports.Figures;
using ReproSpecs.Reports.Logs;
using ReproSpecs.Reports.Markdown;
using ReproSpecs.Reports.Store;

namespace ReproSpecs.Reports.Sections;

/// <summary>
/// Per architecture, a table per profile (one row per activation, each linking to its <c>cell.json</c>),
/// the Relative PD and loss-curve figures, then per profile the accuracy-vs-reproducibility scatter.
/// </summary>
public static class ResultsSection
{
    /// <summary>Appends the section.</summary>
    public static void Write(StringBuilder md, ReportContext ctx)
    {
        md.AppendLine("## Results").AppendLine();
        if (ctx.Catalog.Cells.Count == 0)
        {
            md.AppendLine("No cell results were found.").AppendLine();
            return;
        }
        md.AppendLine("Disagreements and scores are those of the final weights unless a column says otherwise. " +
                      "Each row links to the results file it was read from (the link text is the cell's config hash); " +
                      $"the cell spec and H1 spec columns are the outcomes, in the test logs, of the cell's own spec and of its H1 hypothesis spec (the baseline, {Md.Code(StudyOrder.Design.Baseline)}, has none; reasons under Spec outcomes).").AppendLine();

        // With test logs, the tables show the cells the logs ran; other cells of the store are listed apart below.
        var ran = ctx.Logs.Results.Where(r => r.Activation is not null && r.Profile is not null)
            .Select(r => (r.Profile!, r.Group, r.Activation!)).ToHashSet();
        bool mentioned(Loaded<CellRecord> c) => ran.Count == 0 || ran.Contains(ResultsCatalog.CellKey(c));
        foreach (var model in ctx.Catalog.Cells.Where(mentioned).GroupBy(c => ResultsCatalog.CellKey(c).Model).OrderBy(g => g.Key, StudyOrder.Models))
        {
            md.AppendLine($"### {StudyOrder.ModelDisplayName(model.Key)}").AppendLine();
            foreach (var profile in model.GroupBy(c => ResultsCatalog.CellKey(c).Profile).OrderBy(g => g.Key, StudyOrder.Profiles))
                ProfileTable(md, ctx, model.Key, profile.Key, profile.ToList());
        }

        MissingResults(md, ctx);
        var unmentioned = ctx.Catalog.Cells.Where(c => !mentioned(c)).Select(c => { var k = ResultsCatalog.CellKey(c); return $"{k.Profile}/{k.Model}/{k.Activation}"; }).ToList();
        if (unmentioned.Count > 0)
            md.AppendLine($"Not in the tables: {unmentioned.Count} cell{(unmentioned.Count == 1 ? "" : "s")} of the results folders that no test log mentions " +
                          $"(trained by another run): {string.Join(", ", unmentioned.Select(Md.Code))}.").AppendLine();

        foreach (var profile in ctx.CellsByProfile)
        {
            var cells = profile.ToList();
            if (cells.All(c => c.Summary.Last is null)) continue;
            md.AppendLine($"### Accuracy and reproducibility, profile {profile.Key}").AppendLine();
            ctx.Figure(md, new FigureSpec(
                $"accuracy-vs-relative-pd-{ReportContext.Slug(profile.Key)}.png",
                $"Validation accuracy against mean Relative PD per cell, profile {profile.Key} (final weights; lower is more reproducible).",
                plot => Charts.AccuracyVsReproducibility(plot, $"Accuracy vs reproducibility ({profile.Key})", cells)));
        }
    }

    /// <summary>Cell specs the logs ran whose results are not in the folders given (usually a wrong or missing --results).</summary>
    private static void MissingResults(StringBuilder md, ReportContext ctx)
    {
        var found = ctx.Catalog.Cells.Select(ResultsCatalog.CellKey).ToHashSet();
        var missing = ctx.Logs.Results
            .Where(r => r.Activation is not null && r.Profile is not null && !found.Contains((r.Profile, r.Group, r.Activation)))
            .Select(r => $"{r.Profile}/{r.Group}/{r.Activation}").Distinct().ToList();
        if (missing.Count == 0) return;
        md.AppendLine($"The logs ran {missing.Count} cell spec{(missing.Count == 1 ? "" : "s")} whose results are not in the results folders given: " +
                      $"{string.Join(", ", missing.Select(Md.Code))}. Pass the folder those runs wrote to with --results.").AppendLine();
    }

    private static void ProfileTable(StringBuilder md, ReportContext ctx, string model, string profile, IReadOnlyList<Loaded<CellRecord>> cells)
    {
        md.AppendLine($"#### {StudyOrder.ModelDisplayName(model)}, profile {profile}").AppendLine();
        var table = new MdTable("activation", "parameters", "Relative PD mean [min–max]", "element-wise PD", "target PD", "top-1 disagreement",
            "val loss mean ± std", "val accuracy", "best-val weights: Relative PD / loss (best steps)", "train time / trial", "cell spec", "H1 spec", "results file").RightAlign(1, 3, 4, 5, 9);
        var notes = new List<string>();
        foreach (var cell in cells)
        {
            string activation = ResultsCatalog.CellKey(cell).Activation;
            var outcomes = ctx.OutcomesOf(profile, model, activation);
            // Two specs take a cell's activation: the cell's own spec and its H1 theory; one column each, never merged.
            string spec = SpecColumn(outcomes.Where(SpecKinds.IsCellSpec).ToList(), "not in logs");
            // The baseline has no H1 theory of its own ("—"); any other cell's H1 may simply not have run in these logs.
            string h1 = SpecColumn(outcomes.Where(SpecKinds.IsH1Spec).ToList(), activation == StudyOrder.Design.Baseline ? "—" : "not in logs");
            if (cell.Value is not { } r)
            {
                string what = cell.Problem!.Kind == FileProblemKind.Altered ? "**ALTERED: excluded**" : "**UNREADABLE: excluded**";
                table.Row(Md.Code(activation), "—", what, "—", "—", "—", "—", "—", "—", "—", spec, h1, ctx.FileLink(cell.File, StoreLayout.CellKeyOf(cell.File.RelativePath)?.ShortHash ?? cell.File.RelativePath));
                continue;
            }
            var done = r.Trials.Where(t => t.Status == TrialStatus.Completed).ToList();
            foreach (var t in r.Trials.Where(t => t.Status == TrialStatus.Diverged))
                notes.Add($"{Md.Code(activation)}: trial {t.Index} (seeds {t.Seeds.Key}) diverged at step {t.DivergedAtStep?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"} and is excluded.");
            string link = ctx.FileLink(cell.File, ShortHashes.Of(r.ConfigHash));
            // Gated activations change the block, so a cell's parameter count is shown beside its numbers.
            string parameters = string.Join(" / ", r.Trials.Select(t => t.Parameters).Distinct().Select(Fmt.Int));
            string time = done.Count > 0 ? Fmt.Seconds(done.Average(t => t.Timing.TrainSeconds)) : "—";
            if (r.Summary.Last is not { } last || r.Summary.Best is not { } best)
            {
                table.Row(Md.Code(activation), parameters, $"n/a: {r.Summary.CompletedTrials} of {r.Trials.Count} trials completed", "—", "—", "—", "—", "—", "—", time, spec, h1, link);
                continue;
            }
            table.Row(
                Md.Code(activation),
                parameters,
                Fmt.PdRange(last.RelativePd),
                Fmt.Pd(last.ElementWisePd.Mean),
                Fmt.Pd(last.TargetPd.Mean),
                Fmt.Pd(last.Top1Disagreement.Mean),
                Fmt.LossMeanStd(last.Loss),
                $"{(last.Accuracy.Mean * 100).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)} ± {(last.Accuracy.Std * 100).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)} %",
                BestColumn(r, best, done),
                time,
                spec,
                h1,
                link);
        }
        ctx.Table(md, $"results-{ReportContext.Slug(profile, model)}",
            $"{StudyOrder.ModelDisplayName(model)}, profile {profile}: disagreement, loss and accuracy per activation (final weights unless a column says otherwise).", table);
        foreach (var note in notes) md.AppendLine($"- {note}");
        if (notes.Count > 0) md.AppendLine();

        var good = cells.Where(c => c.Value is not null).Select(c => c.Value!).ToList();
        string name = StudyOrder.ModelDisplayName(model);
        if (good.Any(c => c.Summary.Last is not null))
            ctx.Figure(md, new FigureSpec(
                $"relative-pd-{ReportContext.Slug(profile, model)}.png",
                $"{name}, profile {profile}: mean Relative PD by activation with ±1 std over pairs; final (solid) and best-validation (pale) weights.",
                plot => Charts.RelativePdByActivation(plot, $"{name} ({profile}): Relative PD by activation", good)));
        if (good.Any(c => c.Trials.Any(t => t.StepLosses.Length > 0)))
            ctx.Figure(md, new FigureSpec(
                $"loss-{ReportContext.Slug(profile, model)}.png",
                $"{name}, profile {profile}: loss per activation. Solid: training loss of every step (moving average over 1/25 of the run), mean over the trials, with a band from the lowest to the highest trial; dashed with circles: validation loss at each periodic evaluation, mean over the trials. The y axis starts after the first tenth of the run, so the untrained loss lies above the frame.",
                plot => Charts.LossCurves(plot, $"{name} ({profile}): loss", good)));
    }

    /// <summary>
    /// Best-validation vs final weights: the best weights' figures, or "= final" when every trial was best at its
    /// last step; marked overfit when a trial's last validation loss is above its best by more than the margin.
    /// </summary>
    private static string BestColumn(CellRecord r, WeightsSummary best, IReadOnlyList<TrialRecord> done)
    {
        string overfit = r.Summary.Overfit is { Overfit: true } o
            ? $"; **overfit**: {o.OverfitTrials.ToString(System.Globalization.CultureInfo.InvariantCulture)} of {o.Gaps.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)} trials end > {o.Margin.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)} nats above their best val loss"
            : "";
        return BestFigures(r, best, done) + overfit;
    }

    private static string BestFigures(CellRecord r, WeightsSummary best, IReadOnlyList<TrialRecord> done)
    {
        var steps = done.Select(t => t.BestStep).ToList();
        string stepText = string.Join(", ", steps.Select(s => s.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return steps.All(s => s == r.Config.Settings.MaxIters)
            ? $"= final (step {r.Config.Settings.MaxIters.ToString(System.Globalization.CultureInfo.InvariantCulture)})"
            : $"{Fmt.Pd(best.RelativePd.Mean)} / {Fmt.Loss(best.Loss.Mean)} ({stepText})";
    }

    private static string SpecColumn(IReadOnlyList<SpecOutcome> outcomes, string none) =>
        outcomes.Count == 0 ? none : string.Join(", ", outcomes.Select(o => o.Outcome switch
        {
            OutcomeKind.Failed => "**failed**",
            _ => o.Outcome.ToString().ToLowerInvariant(),
        }).Distinct());
}
