using System.Globalization;
using System.Text;
using ReproSpecs.Harness.Records;
using ReproSpecs.Reports.Figures;
using ReproSpecs.Reports.Markdown;
using ReproSpecs.Reports.Store;

namespace ReproSpecs.Reports.Sections;

/// <summary>
/// The seed-source ablation: per (profile, architecture, activation) that has any seed-arm file
/// (<c>cell-&lt;arm&gt;.json</c>), Relative PD and top-1 disagreement per arm, the study's <c>cell.json</c> as the
/// all arm, with a bar figure; omitted when no arm file verified. Where the results carry it, the study's
/// as-coded Relative PD (each trial on its own fresh windows) stands beside the corrected one.
/// </summary>
public static class AblationSection
{
    /// <summary>Appends the section when there is anything to show.</summary>
    public static void Write(StringBuilder md, ReportContext ctx)
    {
        var keys = ctx.Catalog.ArmCells.Where(a => a.Value is not null).Select(ResultsCatalog.CellKey).Distinct().ToList();
        if (keys.Count == 0) return;
        md.AppendLine("## Seed-source ablation").AppendLine();
        md.AppendLine("Each arm varies one source of randomness between a cell's trials and fixes the others at the base seed; " +
                      "the all arm is the study's cell (every source varies) and the same arm repeats one seed, so its disagreement is the noise floor. " +
                      "Disagreements are those of the final weights, over the arm's pairs of trials.").AppendLine();
        foreach (var key in keys)
        {
            var files = ctx.Catalog.Cells.Concat(ctx.Catalog.ArmCells)
                .Where(c => ResultsCatalog.CellKey(c) == key && ResultsCatalog.CellArm(c) is not null)
                .OrderBy(c => StudyOrder.Arms.ToList().IndexOf(ResultsCatalog.CellArm(c)!.Value)).ToList();
            Cell(md, ctx, key, files);
        }
    }

    private static void Cell(StringBuilder md, ReportContext ctx, (string Profile, string Model, string Activation) key, IReadOnlyList<Loaded<CellRecord>> files)
    {
        string name = StudyOrder.ModelDisplayName(key.Model);
        md.AppendLine($"### {name}, {key.Activation}, profile {key.Profile}").AppendLine();
        // The as-coded column only where some arm has it (results before compute version 3 do not).
        bool asCoded = files.Any(f => f.Value?.Summary.AsCodedRelativePd is not null);
        string[] headers = asCoded
            ? ["arm", "varies between trials", "Relative PD mean [min–max]", "as-coded Relative PD (study's protocol)", "top-1 disagreement", "trials", "note", "results file"]
            : ["arm", "varies between trials", "Relative PD mean [min–max]", "top-1 disagreement", "trials", "note", "results file"];
        var table = new MdTable(headers).RightAlign(asCoded ? 5 : 4);
        string[] Cells(string arm, string varies, string pd, string study, string top1, string trials, string note, string link) =>
            asCoded ? [arm, varies, pd, study, top1, trials, note, link] : [arm, varies, pd, top1, trials, note, link];
        var bars = new List<(SeedArm Arm, Harness.Metrics.Summary RelativePd)>();
        foreach (var file in files)
        {
            var arm = ResultsCatalog.CellArm(file)!.Value;
            string link = ctx.FileLink(file.File, Path.GetFileName(file.File.RelativePath));
            if (file.Value is not { } r)
            {
                table.Row(Cells(Md.Code(SeedArms.Name(arm)), Varies(arm), file.Problem!.Kind == FileProblemKind.Altered ? "**ALTERED: excluded**" : "**UNREADABLE: excluded**", "—", "—", "—", "", link));
                continue;
            }
            string trials = r.Summary.CompletedTrials == r.Trials.Count
                ? r.Trials.Count.ToString(CultureInfo.InvariantCulture)
                : $"{r.Summary.CompletedTrials} of {r.Trials.Count} completed";
            if (r.Summary.Last is not { } last)
            {
                table.Row(Cells(Md.Code(SeedArms.Name(arm)), Varies(arm), "n/a: fewer than 2 completed trials", "—", "—", trials, "", link));
                continue;
            }
            string study = r.Summary.AsCodedRelativePd is { } s ? Fmt.PdRange(s) : "—";
            table.Row(Cells(Md.Code(SeedArms.Name(arm)), Varies(arm), Fmt.PdRange(last.RelativePd), study, Fmt.Pd(last.Top1Disagreement.Mean), trials, Note(arm, r), link));
            bars.Add((arm, last.RelativePd));
        }
        ctx.Table(md, $"ablation-{ReportContext.Slug(key.Profile, key.Model, key.Activation)}",
            $"{name}, {key.Activation}, profile {key.Profile}: Relative PD and top-1 disagreement per seed arm (final weights).", table);
        if (asCoded)
            md.AppendLine("The as-coded column scores each trial on its own fresh random validation windows (last position), as the study's code did, " +
                          "with the same Relative PD formula: there even the same arm's bit-identical models disagree, so the study's published PDs " +
                          "measure which contexts were sampled, not what the seeds changed.").AppendLine();

        var hashes = files.Where(f => f.Value is not null).Select(f => f.Value!.ConfigHash).Distinct().ToList();
        if (hashes.Count > 1)
            md.AppendLine($"**These arms were trained under {hashes.Count} different configs** ({string.Join(", ", hashes.Select(h => Md.Code(ShortHashes.Of(h))))}): their numbers are not comparable.").AppendLine();
        else if (hashes.Count == 1)
            md.AppendLine($"Every arm was trained under config {Md.Code(ShortHashes.Of(hashes[0]))}.").AppendLine();
        if (!files.Any(f => ResultsCatalog.CellArm(f) == SeedArm.All))
            md.AppendLine("The study's cell (the all arm) is not in these results.").AppendLine();
        if (bars.Count == 0) return;
        ctx.Figure(md, new FigureSpec(
            $"ablation-{ReportContext.Slug(key.Profile, key.Model, key.Activation)}.png",
            $"{name}, {key.Activation}, profile {key.Profile}: mean Relative PD per seed arm with ±1 std over pairs (final weights).",
            plot => Charts.AblationBars(plot, $"{name} {key.Activation} ({key.Profile}): seed-source ablation", bars)));
    }

    private static string Varies(SeedArm arm) => arm switch
    {
        SeedArm.InitOnly => "weight initialisation",
        SeedArm.DataOnly => "batch order",
        SeedArm.DropoutOnly => "dropout masks",
        SeedArm.All => "all three",
        SeedArm.SameSeed => "nothing",
        _ => "?",
    };

    /// <summary>The same-seed arm on the CPU must be exactly 0 (bit-determinism); elsewhere it measures the device's own noise.</summary>
    private static string Note(SeedArm arm, CellRecord r)
    {
        if (arm != SeedArm.SameSeed || r.Summary.Last is not { } last) return "";
        bool cpu = string.Equals(r.Provenance.Device, "cpu", StringComparison.OrdinalIgnoreCase);
        if (!cpu) return $"noise floor of {r.Provenance.Device}";
        return last.RelativePd.Max == 0
            ? "exactly 0, as CPU determinism requires"
            : "**not 0 on the CPU: training was not bit-deterministic**";
    }
}
