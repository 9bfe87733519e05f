using System.Globalization;
using System.Text;
using ReproSpecs.Harness.Records;
using ReproSpecs.Harness.Results;
using ReproSpecs.Harness.Statistics;
using ReproSpecs.Reports.Figures;
using ReproSpecs.Reports.Markdown;
using ReproSpecs.Reports.Store;

namespace ReproSpecs.Reports.Sections;

/// <summary>
/// The H1–H4 verdicts per profile, read from the harness's hypothesis family files
/// (<see cref="HypothesisReport"/>: one per architecture, plus H3): one table, one line per family saying
/// which file and cells it rests on, and an effect/CI figure; omitted when no family file verified.
/// </summary>
public static class HypothesesSection
{
    /// <summary>Appends the section when there is anything to show.</summary>
    public static void Write(StringBuilder md, ReportContext ctx)
    {
        var families = ctx.Catalog.GoodHypotheses.ToList();
        if (families.Count == 0) return;
        md.AppendLine("## Hypotheses").AppendLine();
        md.AppendLine("H1: smooth activations give lower Relative PD than ReLU. H2: SmeLU β=1.0 gives lower Relative PD than β=0.5. " +
                      "H3: the effect depends on architecture (transformers gain, recurrent models barely move). " +
                      "H4: the reproducibility gain costs a little accuracy. " +
                      "The effect is (A − B)/B of the compared quantities in %, so a negative effect is a reduction; " +
                      "the interval and p are unadjusted, the Holm p is adjusted within the hypothesis's family of m hypotheses.").AppendLine();
        foreach (var profile in families.GroupBy(f => f.Value!.Profile).OrderBy(g => g.Key, StudyOrder.Profiles))
        {
            md.AppendLine($"### Profile {profile.Key}").AppendLine();
            var table = new MdTable("hypothesis", "claim", "effect", "CI", "p", "Holm p (m)", "verdict", "sample", "80 % power needs", "note").RightAlign(2, 4, 5);
            var rows = new List<HypothesisVerdict>();
            foreach (var family in profile)
            {
                foreach (var v in family.Value!.Verdicts.OrderBy(v => v.Hypothesis.Id, StudyOrder.Hypotheses))
                {
                    var c = v.Hypothesis.Comparison;
                    table.Row(Md.Code(v.Hypothesis.Id), Md.Text(v.Hypothesis.Claim), Fmt.SignedPercent(c.EffectPercent),
                        $"[{Fmt.SignedPercent(c.CiLowPercent)}, {Fmt.SignedPercent(c.CiHighPercent)}]{(c.ConfidenceLevel == 0.95 ? "" : $" ({Fmt.Level(c.ConfidenceLevel)})")}",
                        Fmt.P(c.PValue), $"{Fmt.P(v.AdjustedP)} ({v.FamilySize.ToString(CultureInfo.InvariantCulture)})",
                        v.Verdict == Verdict.Contradicted ? "**contradicted**" : v.Verdict.ToString().ToLowerInvariant(),
                        $"{c.Units.ToString(CultureInfo.InvariantCulture)} {c.UnitName}",
                        c.UnitsFor80Power is int n ? $"{Fmt.Int(n)} {c.UnitName}" : "—",
                        Md.Text(Md.Shorten(c.Note ?? "", 200)));
                    rows.Add(v);
                }
            }
            table.WriteTo(md);
            foreach (var family in profile)
                md.AppendLine($"- {FamilyLine(ctx, family)}");
            md.AppendLine();
            if (rows.Count == 0) continue;
            ctx.Figure(md, new FigureSpec(
                $"hypotheses-{ReportContext.Slug(profile.Key)}.png",
                $"Profile {profile.Key}: effect of each hypothesis's comparison (%) with its confidence interval; 0 is no effect; green supported, red contradicted, grey inconclusive.",
                plot => Charts.HypothesisEffects(plot, $"Hypothesis effects ({profile.Key})", rows),
                Width: 900, Height: Math.Max(360, 90 + 34 * rows.Count)));
        }
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
        string line = $"{name}: {count}, Holm-adjusted at family-wise α = {Fmt.Num(h.Alpha)}; from {ctx.FileLink(family.File, family.File.RelativePath)}, " +
                      $"computed {Fmt.Date(h.Provenance.CreatedAt)}";
        // A family may name its cells by full or short (12-digit, folder-name) config hash.
        var known = ctx.Catalog.GoodCells.Select(c => c.ConfigHash).ToList();
        var missing = h.Cells.Where(c => c.Value.Length < 12 || !known.Any(k => k.StartsWith(c.Value, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(c => c.Key, StringComparer.Ordinal).ToList();
        if (h.Cells.Count == 0) return line + ".";
        return missing.Count == 0
            ? $"{line}; it rests on {h.Cells.Count} cells, all of them in these results."
            : $"{line}; **{missing.Count} of the {h.Cells.Count} cells it rests on are not in these results** " +
              $"({string.Join(", ", missing.Select(c => $"{c.Key} {Md.Code(c.Value.Length > 12 ? c.Value[..12] : c.Value)}"))}): its verdicts describe other runs than these tables.";
    }
}
