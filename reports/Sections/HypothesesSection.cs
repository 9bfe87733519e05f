using System.Text;
using ReproSpecs.Reports.Figures;
using ReproSpecs.Reports.Markdown;
using ReproSpecs.Reports.Store;

namespace ReproSpecs.Reports.Sections;

/// <summary>The H1–H4 verdict table per profile, with an effect/CI figure; omitted when no verdict file exists.</summary>
public static class HypothesesSection
{
    /// <summary>Appends the section when there is anything to show.</summary>
    public static void Write(StringBuilder md, ReportContext ctx)
    {
        var verdicts = ctx.Catalog.Verdicts.Where(v => v.Value is not null).ToList();
        if (verdicts.Count == 0) return;
        md.AppendLine("## Hypotheses").AppendLine();
        md.AppendLine("H1: smooth activations give lower Relative PD than ReLU. H2: SmeLU β=1.0 gives lower Relative PD than β=0.5. " +
                      "H3: the effect depends on architecture (transformers gain, recurrent models barely move). " +
                      "H4: the reproducibility gain costs a little accuracy. A negative effect is a reduction.").AppendLine();
        foreach (var profile in verdicts.GroupBy(v => v.Value!.Profile).OrderBy(g => g.Key, StudyOrder.Profiles))
        {
            var rows = profile.OrderBy(v => v.Value!.Hypothesis, StudyOrder.Hypotheses)
                .ThenBy(v => v.Value!.Architecture == "all" ? "" : v.Value!.Architecture, StudyOrder.Models)
                .ThenBy(v => v.Value!.Comparison, StringComparer.Ordinal).ToList();
            md.AppendLine($"### Profile {profile.Key}").AppendLine();
            var table = new MdTable("hypothesis", "architecture", "comparison", "effect", "CI", "p", "p (Holm)", "verdict", "trials", "trials for 80 % power", "note", "file")
                .RightAlign(3, 5, 6, 8, 9);
            foreach (var loaded in rows)
            {
                var v = loaded.Value!;
                table.Row(v.Hypothesis, v.Architecture, v.Comparison, Fmt.SignedPercent(v.EffectPercent),
                    $"[{Fmt.SignedPercent(v.CiLowPercent)}, {Fmt.SignedPercent(v.CiHighPercent)}]", Fmt.P(v.P), Fmt.P(v.PHolm),
                    v.Verdict == VerdictKind.Contradicted ? "**contradicted**" : v.Verdict.ToString().ToLowerInvariant(),
                    v.Trials.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    v.TrialsFor80PercentPower?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "—",
                    Md.Shorten(v.Message ?? "", 200), ctx.FileLink(loaded.File, Path.GetFileName(loaded.File.RelativePath)));
            }
            table.WriteTo(md);
            var values = rows.Select(r => r.Value!).ToList();
            ctx.Figure(md, new FigureSpec(
                $"hypotheses-{ReportContext.Slug(profile.Key)}.png",
                $"Profile {profile.Key}: effect of each comparison (%) with its confidence interval; 0 is no effect.",
                plot => Charts.HypothesisEffects(plot, $"Hypothesis effects ({profile.Key})", values),
                Width: Math.Max(720, 90 * values.Count), Height: 460));
        }
    }
}
