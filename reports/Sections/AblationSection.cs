using System.Text;
using ReproSpecs.Reports.Figures;
using ReproSpecs.Reports.Markdown;
using ReproSpecs.Reports.Store;

namespace ReproSpecs.Reports.Sections;

/// <summary>The seed-source ablation: per cell, Relative PD per arm with a bar figure; omitted when no ablation file exists.</summary>
public static class AblationSection
{
    /// <summary>Appends the section when there is anything to show.</summary>
    public static void Write(StringBuilder md, ReportContext ctx)
    {
        var records = ctx.Catalog.Ablations.Where(a => a.Value is not null)
            .OrderBy(a => a.Value!.Profile, StudyOrder.Profiles).ThenBy(a => a.Value!.Model, StudyOrder.Models)
            .ThenBy(a => a.Value!.Activation, StudyOrder.Activations).ToList();
        if (records.Count == 0) return;
        md.AppendLine("## Seed-source ablation").AppendLine();
        md.AppendLine("Each arm varies some sources of randomness between trials and fixes the rest; the same-seed arm is the noise floor.").AppendLine();
        foreach (var loaded in records)
        {
            var a = loaded.Value!;
            string name = StudyOrder.ModelDisplayName(a.Model);
            md.AppendLine($"### {name}, {a.Activation}, profile {a.Profile}").AppendLine();
            var table = new MdTable("arm", "Relative PD mean [min–max]", "± std", "top-1 disagreement", "pairs", "note").RightAlign(4);
            foreach (var arm in a.Arms.OrderBy(x => x.Arm, StudyOrder.Arms))
                table.Row(arm.Arm, Fmt.PdRange(arm.RelativePd), Fmt.Pd(arm.RelativePd.Std),
                    arm.Top1Disagreement is { } t ? Fmt.Pd(t.Mean) : "—", arm.RelativePd.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), arm.Note ?? "");
            table.WriteTo(md);
            md.AppendLine($"{a.Trials} trials per arm; from {ctx.FileLink(loaded.File, loaded.File.RelativePath)}.").AppendLine();
            ctx.Figure(md, new FigureSpec(
                $"ablation-{ReportContext.Slug(a.Profile, a.Model, a.Activation)}.png",
                $"{name}, {a.Activation}, profile {a.Profile}: mean Relative PD per seed-source arm with ±1 std over pairs.",
                plot => Charts.AblationBars(plot, $"{name} {a.Activation} ({a.Profile}): seed-source ablation", a)));
        }
    }
}
