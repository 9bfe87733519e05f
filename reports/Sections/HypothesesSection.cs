using System.Globalization;
using System.Text;
using ReproSpecs.Harness.Records;
using ReproSpecs.Harness.Statistics;
using ReproSpecs.Reports.Figures;
using ReproSpecs.Reports.Markdown;
using ReproSpecs.Reports.Store;

namespace ReproSpecs.Reports.Sections;

/// <summary>
/// The H1–H4 verdicts per profile, read from the harness's hypothesis files (<see cref="HypothesisReport"/>: one
/// per architecture, plus H3 with H3[contrast]): one table, one line per file saying which cells it rests on,
/// and an effect/CI figure; omitted when no family file verified. The family-wise error is controlled over what
/// the report shows: every verdict of a profile is re-adjusted as one Holm family
/// (<see cref="HypothesisFamily.Readjust"/>), whatever families the runs that wrote the files used.
/// </summary>
public static class HypothesesSection
{
    /// <summary>Appends the section when there is anything to show.</summary>
    public static void Write(StringBuilder md, ReportContext ctx)
    {
        var families = ctx.Catalog.GoodHypotheses.ToList();
        if (families.Count == 0) return;
        md.AppendLine("## Hypotheses").AppendLine();
        md.AppendLine("H1: smooth activations give lower Relative PD than ReLU (pooled over the element-wise smooth activations; SwiGLU has its own line). " +
                      "H2: SmeLU β=1.0 gives lower Relative PD than β=0.5. " +
                      "H3: the effect depends on architecture, tested two-sided for heterogeneity across all architectures (supported = the architectures differ; there is no \"contradicted\"); " +
                      "H3[contrast]: the study's direction, transformers gain more than recurrent models. " +
                      "H4: the reproducibility gain costs a little loss and accuracy (decided on every position of every context; the last-position figures are in the note). " +
                      "The effect is (A − B)/B of the compared quantities in %, so a negative effect is a reduction; " +
                      "the interval and p are unadjusted. The Holm p and the verdict are adjusted over every hypothesis of the profile shown here, as one family of m hypotheses, " +
                      "so the chance that this report shows any false verdict is at most α; a hypothesis resting on a cell that fails its spec is inconclusive and the note names the cell.").AppendLine();
        foreach (var profile in families.GroupBy(f => f.Value!.Profile).OrderBy(g => g.Key, StudyOrder.Profiles))
        {
            md.AppendLine($"### Profile {profile.Key}").AppendLine();
            var recorded = profile.SelectMany(f => f.Value!.Verdicts).ToList();
            var alphas = profile.Select(f => f.Value!.Alpha).Distinct().ToList();
            // One family over everything shown; files decided at different levels cannot be merged honestly.
            // H3 is decided here from the merged cells when no shard could (one architecture per shard).
            var shown = ReportVerdicts.Of(ctx.Catalog, profile.Key) ?? recorded;
            var weights = ReportVerdicts.Weights(profile.Select(f => f.Value!));
            md.AppendLine(weights.Count == 1
                ? $"Decided on each trial's {(weights[0] == ScoredWeights.Best ? "best-validation weights (chosen on a validation part the scored contexts do not overlap)" : "final weights")} ({Md.Code($"REPROSPECS_WEIGHTS={weights[0].ToString().ToLowerInvariant()}")})."
                : "**The files were decided on different weights** (final and best-validation), so their verdicts are shown as each run decided them, not merged.").AppendLine();
            bool sequential = shown.Any(v => v.Sequential is not null);
            var table = new MdTable("hypothesis", "claim", "effect", "CI", "p", sequential ? "boundary-scaled p (m)" : "Holm p (m)", "verdict", "sample", "80 % power needs", "note").RightAlign(2, 4, 5);
            var rows = new List<HypothesisVerdict>();
            foreach (var v in shown.OrderBy(v => Group(v.Hypothesis.Id), StudyOrder.Families).ThenBy(v => v.Hypothesis.Id, StudyOrder.Hypotheses))
            {
                var c = v.Hypothesis.Comparison;
                table.Row(Md.Code(v.Hypothesis.Id), Md.Text(v.Hypothesis.Claim), Fmt.SignedPercent(c.EffectPercent),
                    double.IsNaN(c.CiLowPercent) && double.IsNaN(c.CiHighPercent) ? "—"
                        : $"[{Fmt.SignedPercent(c.CiLowPercent)}, {Fmt.SignedPercent(c.CiHighPercent)}]{(c.ConfidenceLevel == 0.95 ? "" : $" ({Fmt.Level(c.ConfidenceLevel)})")}",
                    Fmt.P(c.PValue), $"{Fmt.P(v.AdjustedP)} ({v.FamilySize.ToString(CultureInfo.InvariantCulture)})",
                    v.Verdict switch { Verdict.Contradicted => "**contradicted**", Verdict.NoMeaningfulEffect => "no meaningful effect", _ => v.Verdict.ToString().ToLowerInvariant() },
                    $"{c.Units.ToString(CultureInfo.InvariantCulture)} {c.UnitName}",
                    c.UnitsFor80Power is int n ? $"{Fmt.Int(n)} {c.UnitName}" : "—",
                    Md.Text(Md.Shorten(c.Note ?? "", 200)));
                rows.Add(v);
            }
            ctx.Table(md, $"hypotheses-{ReportContext.Slug(profile.Key)}", $"Hypothesis verdicts of profile {profile.Key}.", table);
            md.AppendLine(sequential
                ? $"Decided by the sequential design of the run (next section; sequential verdicts stand as their run decided them and are not re-adjusted over the report): the boundary-scaled p is α · min over looks of p / boundary, ≤ α exactly when a look crossed the hypothesis's efficacy boundary at its Holm share; the sample is the trials per cell at the deciding look."
                : alphas.Count == 1
                ? $"Holm-adjusted over all {shown.Count.ToString(CultureInfo.InvariantCulture)} hypotheses of profile {Md.Code(profile.Key)} in these results (family-wise α = {Fmt.Num(alphas[0])}).{Changed(recorded, shown)}"
                : $"The files were decided at different family-wise levels ({string.Join(", ", alphas.Select(Fmt.Num))}), so each verdict is shown as its run decided it, not re-adjusted over the report.");
            md.AppendLine();
            foreach (var family in profile)
                md.AppendLine($"- {FamilyLine(ctx, family)}");
            md.AppendLine();
            if (rows.Count == 0) continue;
            ctx.Figure(md, new FigureSpec(
                $"hypotheses-{ReportContext.Slug(profile.Key)}.png",
                $"Profile {profile.Key}: effect of each hypothesis's comparison (%) with its confidence interval; 0 is no effect; green supported, red contradicted, blue no meaningful effect, grey inconclusive.",
                plot => Charts.HypothesisEffects(plot, $"Hypothesis effects ({profile.Key})", rows),
                Width: 900, Height: Math.Max(360, 90 + 34 * rows.Count)));
        }
    }

    /// <summary>The file group of a hypothesis id: its architecture, or H3 for the cross-architecture ones.</summary>
    internal static string Group(string id) => id.Contains('/') ? id[..id.IndexOf('/')] : "H3";

    /// <summary>Which verdicts the report-wide family changed from what their run recorded.</summary>
    private static string Changed(IReadOnlyList<HypothesisVerdict> recorded, IReadOnlyList<HypothesisVerdict> shown)
    {
        var before = recorded.GroupBy(v => v.Hypothesis.Id).ToDictionary(g => g.Key, g => g.First());
        // A verdict no file recorded (H3 decided here from the merged cells) has no run's verdict to differ from.
        var changed = shown.Where(v => before.TryGetValue(v.Hypothesis.Id, out var run) && run.Verdict != v.Verdict)
            .Select(v => $"{Md.Code(v.Hypothesis.Id)} ({before[v.Hypothesis.Id].Verdict.ToString().ToLowerInvariant()} in its run's family of m = {before[v.Hypothesis.Id].FamilySize.ToString(CultureInfo.InvariantCulture)})").ToList();
        return changed.Count == 0 ? "" : $" In this larger family these verdicts differ from their run's: {string.Join(", ", changed)}.";
    }

    /// <summary>
    /// Which file a family came from, at what level, and whether the cells it rests on are the cells of this
    /// report: a verdict computed from other runs (another config hash) does not describe these tables.
    /// </summary>
    private static string FamilyLine(ReportContext ctx, Loaded<HypothesisReport> family)
    {
        var h = family.Value!;
        string display = StudyOrder.ModelDisplayName(h.Family);
        string name = display == h.Family ? $"Family {Md.Code(h.Family)}" : $"Family {Md.Code(h.Family)} ({display})";
        string count = h.Verdicts.Count == 1 ? "1 hypothesis" : $"{h.Verdicts.Count.ToString(CultureInfo.InvariantCulture)} hypotheses";
        string run = h.FamilySize is int m
            ? $"its run decided them in one Holm family of m = {m.ToString(CultureInfo.InvariantCulture)} at family-wise α = {Fmt.Num(h.Alpha)}"
            : $"Holm-adjusted within this file at family-wise α = {Fmt.Num(h.Alpha)} (a file from before run-wide families)";
        string line = $"{name}: {count}, {run}; from {ctx.FileLink(family.File, family.File.RelativePath)}, " +
                      $"computed {Fmt.Date(h.Provenance.CreatedAt)}";
        // A family may name its cells by full or short (12-digit, folder-name) config hash.
        var known = ctx.Catalog.GoodCells.Select(c => c.ConfigHash).ToList();
        var missing = h.Cells.Where(c => c.Value.Length < 12 || !known.Any(k => k.StartsWith(c.Value, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(c => c.Key, StringComparer.Ordinal).ToList();
        if (h.Cells.Count == 0) return line + ".";
        return missing.Count == 0
            ? $"{line}; it rests on {h.Cells.Count} cells, all of them in these results."
            : $"{line}; **{missing.Count} of the {h.Cells.Count} cells it rests on are not in these results** " +
              $"({string.Join(", ", missing.Select(c => $"{c.Key} {Md.Code(ShortHashes.Of(c.Value))}"))}): its verdicts describe other runs than these tables.";
    }
}
