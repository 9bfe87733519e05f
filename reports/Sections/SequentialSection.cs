using ReproSpecs.Reports.Store;
using System.Globalization;
using System.Text;
using ReproSpecs.Harness.Statistics;
using ReproSpecs.Reports.Figures;
using ReproSpecs.Reports.Markdown;

namespace ReproSpecs.Reports.Sections;

/// <summary>
/// How a sequential design (<c>REPROSPECS_TRIALS=auto</c>) reached its verdicts: per profile, the design's settings,
/// one stopping-history table (each hypothesis's looks: trials, estimate, interval, p against the efficacy boundary,
/// TOST p against the equivalence boundary, what the look decided), and per architecture a figure of the estimates
/// narrowing across looks. Omitted when no verdict came from a sequential design.
/// </summary>
public static class SequentialSection
{
    /// <summary>Appends the section when a hypothesis file carries sequential verdicts.</summary>
    public static void Write(StringBuilder md, ReportContext ctx)
    {
        var profiles = ctx.Catalog.GoodHypotheses.Select(h => h.Value!)
            .Where(h => h.Verdicts.Any(v => v.Sequential is not null))
            .GroupBy(h => h.Profile).OrderBy(g => g.Key, StudyOrder.Profiles).ToList();
        if (profiles.Count == 0) return;
        md.AppendLine("## Sequential design: how each verdict was reached").AppendLine();
        md.AppendLine("Trials were added in pre-registered looks until each hypothesis was decided (docs/statistics.md, \"Sequential design\"). " +
                      "At each look every open hypothesis is tested against a Lan–DeMets O'Brien–Fleming-type efficacy boundary at its Holm share α/m′ " +
                      "(m′: hypotheses not yet rejected; a rejection frees its share for the others), so the chance of any false supported or contradicted verdict " +
                      "over all looks and hypotheses is at most α. An open hypothesis whose equivalence test (TOST) puts the effect inside the smallest effect of interest " +
                      "stops as **no meaningful effect**; one still open at the cap is inconclusive. Cells stop growing once no open hypothesis needs them. " +
                      "\"Boundary\" is the nominal two-sided level a look's p must reach; \"equivalence boundary\" the one-sided level the TOST p must reach.").AppendLine();
        foreach (var profile in profiles)
        {
            var verdicts = profile.SelectMany(f => f.Verdicts).Where(v => v.Sequential is not null).DistinctBy(v => v.Hypothesis.Id)
                .OrderBy(v => Group(v.Hypothesis.Id), StudyOrder.Families).ThenBy(v => v.Hypothesis.Id, StudyOrder.Hypotheses).ToList();
            var design = verdicts[0].Sequential!;
            md.AppendLine($"### Profile {profile.Key}").AppendLine();
            var margins = verdicts.Select(v => v.Sequential!.EquivalenceMarginPercent).Distinct().Order().Select(m => $"±{Fmt.Num(m)} %");
            md.AppendLine($"Looks at K = {string.Join(", ", design.Schedule.Select(k => k.ToString(CultureInfo.InvariantCulture)))} trials per cell (cap {design.Schedule[^1].ToString(CultureInfo.InvariantCulture)}); " +
                          $"{Md.Text(design.Spending)}; family-wise α = {Fmt.Num(verdicts[0].Alpha)} over m = {verdicts[0].FamilySize.ToString(CultureInfo.InvariantCulture)} hypotheses; " +
                          $"smallest effects of interest {string.Join(" and ", margins)} (Relative PD, then loss/accuracy); equivalence error rate {Fmt.Num(design.EquivalenceAlpha)} per hypothesis.").AppendLine();
            var summary = new MdTable("hypothesis", "verdict", "decided at", "trials per cell", "effect", "95 % CI").RightAlign(3, 4);
            foreach (var v in verdicts)
            {
                var s = v.Sequential!;
                var c = v.Hypothesis.Comparison;
                summary.Row(Md.Code(v.Hypothesis.Id), Word(v.Verdict), $"look {s.DecidedAtLook.ToString(CultureInfo.InvariantCulture)} of {s.Schedule.Count.ToString(CultureInfo.InvariantCulture)}",
                    s.TrialsAtDecision.ToString(CultureInfo.InvariantCulture), Fmt.SignedPercent(c.EffectPercent),
                    $"[{Fmt.SignedPercent(c.CiLowPercent)}, {Fmt.SignedPercent(c.CiHighPercent)}]");
            }
            ctx.Table(md, $"sequential-{ReportContext.Slug(profile.Key)}", $"Sequential verdicts of profile {profile.Key}: where each was decided.", summary);
            md.AppendLine("<details><summary>Stopping history, look by look</summary>").AppendLine();
            var history = new MdTable("hypothesis", "look", "K", "effect", "95 % CI", "p", "boundary", "TOST p", "equivalence boundary", "outcome").RightAlign(1, 2, 3, 5, 6, 7, 8);
            foreach (var v in verdicts)
            foreach (var look in v.Sequential!.Looks)
                history.Row(Md.Code(v.Hypothesis.Id), look.Look.ToString(CultureInfo.InvariantCulture), look.Trials.ToString(CultureInfo.InvariantCulture),
                    Fmt.SignedPercent(look.EffectPercent), $"[{Fmt.SignedPercent(look.CiLowPercent)}, {Fmt.SignedPercent(look.CiHighPercent)}]",
                    Fmt.P(look.PValue), Level(look.Boundary), look.EquivalenceP is double e ? Fmt.P(e) : "—",
                    look.EquivalenceBoundary is double b ? Level(b) : "—", look.Outcome);
            ctx.Table(md, $"sequential-history-{ReportContext.Slug(profile.Key)}", $"Stopping history of profile {profile.Key}, look by look.", history);
            md.AppendLine("</details>").AppendLine();
            foreach (var group in verdicts.GroupBy(v => Group(v.Hypothesis.Id)).Where(g => g.Any(v => v.Sequential!.Looks.Count > 0)))
            {
                var list = group.ToList();
                ctx.Figure(md, new FigureSpec(
                    $"sequential-{ReportContext.Slug(profile.Key)}-{ReportContext.Slug(group.Key)}.png",
                    $"Profile {profile.Key}, {StudyOrder.ModelDisplayName(group.Key)}: each hypothesis's effect (%) and 95 % interval at every look it took part in, against the trials per cell; " +
                    "the shaded band is the smallest effect of interest for Relative PD; the last point of a line is where it was decided.",
                    plot => Charts.SequentialLooks(plot, $"Estimates across looks ({profile.Key}, {group.Key})", list),
                    Width: 900, Height: 480));
            }
        }
    }

    private static string Word(Verdict verdict) => verdict switch
    {
        Verdict.Contradicted => "**contradicted**",
        Verdict.NoMeaningfulEffect => "no meaningful effect",
        _ => verdict.ToString().ToLowerInvariant(),
    };

    private static string Level(double p) => double.IsNaN(p) ? "n/a" : p < 0.001 ? p.ToString("0.0E+0", CultureInfo.InvariantCulture) : p.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Group(string id) => HypothesesSection.Group(id);
}
