using System.Text;
using ReproSpecs.Harness.Data;
using ReproSpecs.Harness.Records;
using ReproSpecs.Reports.Markdown;
using ReproSpecs.Reports.Store;

namespace ReproSpecs.Reports.Sections;

/// <summary>
/// Methods, written from the configs and trial records actually in the results (never from the
/// profiles this build would use), so the text describes what was run.
/// </summary>
public static class MethodsSection
{
    /// <summary>Appends the section.</summary>
    public static void Write(StringBuilder md, ReportContext ctx)
    {
        var cells = ctx.Catalog.GoodCells.ToList();
        md.AppendLine("## Methods").AppendLine();
        if (cells.Count == 0)
        {
            md.AppendLine("No verified cell results were found, so there is nothing to describe.").AppendLine();
            return;
        }
        Data(md, cells);
        Profiles(md, ctx);
        Architectures(md, ctx);
        Activations(md, cells);
        Seeds(md, ctx, cells);
        Evaluation(md, ctx);
        Metrics(md);
        Statistics(md, ctx);
    }

    private static void Data(StringBuilder md, IReadOnlyList<CellRecord> cells)
    {
        md.AppendLine("### Data and split").AppendLine();
        foreach (var sha in cells.Select(c => c.Config.CorpusSha256).Distinct().Order(StringComparer.Ordinal))
        {
            if (sha == TinyShakespeare.Sha256)
            {
                int train = (int)(TinyShakespeare.Length * CorpusSplit.TrainFraction);
                md.AppendLine($"Tiny Shakespeare (SHA-256 {Md.Code(sha)}, the canonical file): {Fmt.Int(TinyShakespeare.Length)} characters over a " +
                              $"vocabulary of {CharVocabulary.Size} characters. The split is contiguous: the first {Fmt.Percent(CorpusSplit.TrainFraction)} " +
                              $"({Fmt.Int(train)} characters) for training, the last {Fmt.Percent(1 - CorpusSplit.TrainFraction)} ({Fmt.Int(TinyShakespeare.Length - train)}) for validation. " +
                              "The task is next-character prediction.");
            }
            else
            {
                int vocabulary = cells.First(c => c.Config.CorpusSha256 == sha).Config.VocabSize;
                md.AppendLine($"A corpus of the user's own (SHA-256 {Md.Code(sha)}, a vocabulary of {vocabulary} characters derived from the text): **not** the canonical " +
                              "Tiny Shakespeare file, so these numbers are not comparable with the study's. " +
                              $"Split: the first {Fmt.Percent(CorpusSplit.TrainFraction)} for training, the rest for validation.");
            }
            md.AppendLine();
        }
        md.AppendLine("Training batches are B windows of T characters drawn uniformly with replacement from the training split.").AppendLine();
    }

    /// <summary>One column per (profile, distinct settings): normally one per profile.</summary>
    private static void Profiles(StringBuilder md, ReportContext ctx)
    {
        md.AppendLine("### Profiles").AppendLine();
        var columns = new List<(string Name, CellConfig Config, string Trials)>();
        foreach (var profile in ctx.CellsByProfile)
        {
            var variants = profile.GroupBy(c => Settings(c.Config)).ToList();
            for (int i = 0; i < variants.Count; i++)
            {
                string trials = string.Join(", ", variants[i].Select(c => c.Trials.Count).Distinct().Order());
                columns.Add((variants.Count == 1 ? profile.Key : $"{profile.Key} ({i + 1})", variants[i].First().Config, trials));
            }
        }
        var table = new MdTable(["setting", .. columns.Select(c => c.Name)]);
        void Row(string name, Func<CellConfig, string> value) => table.Row([name, .. columns.Select(c => value(c.Config))]);
        Row("embedding width C (n_embd)", c => c.Settings.NEmbd.ToString(Inv));
        Row("attention heads", c => c.Settings.NHead.ToString(Inv));
        Row("layers", c => c.Settings.NLayer.ToString(Inv));
        Row("context length T", c => c.Settings.BlockSize.ToString(Inv));
        Row("batch size B", c => c.Settings.BatchSize.ToString(Inv));
        Row("optimiser steps", c => Fmt.Int(c.Settings.MaxIters));
        Row("optimiser", c => $"AdamW, lr {Fmt.Num(c.Settings.LearningRate)}, weight decay {Fmt.Num(c.Settings.WeightDecay)}, betas ({Fmt.Num(c.Settings.Beta1)}, {Fmt.Num(c.Settings.Beta2)})");
        Row("learning-rate schedule", c => c.Settings.Schedule.ToString().ToLowerInvariant());
        Row("dropout", c => Fmt.Num(c.Settings.Dropout));
        Row("gated feed-forward width", c => c.Settings.GatedWidth == GatedWidthRule.Parity ? "parity: H = ⅔·4C" : "same: H = 4C");
        Row("periodic evaluation", c => $"every {c.Settings.EvalInterval} steps, {c.Settings.EvalIters} batches per split{(c.Settings.TrainLossIters is { } n ? $" (train-split estimate: the first {n})" : "")}");
        Row("evaluation contexts N", c => Fmt.Int(c.Settings.EvalContexts));
        Row("evaluation seed", c => c.Settings.EvalSeed.ToString(Inv));
        Row("device", c => c.Settings.Device.ToString().ToLowerInvariant());
        Row("computation version", c => c.ComputeVersion.ToString(Inv));
        table.Row(["trials per cell", .. columns.Select(c => c.Trials)]);
        ctx.Table(md, "profiles", "Training and evaluation settings of each profile in these results.", table);
        if (columns.Count > ctx.CellsByProfile.Count())
            md.AppendLine("A profile with numbered columns was run with more than one set of settings; each cell's table row links to its config.").AppendLine();
    }

    /// <summary>
    /// Each study architecture's parameter count at the full profile with ReLU, from its documented formula
    /// (pinned against the built models by <c>MethodsSectionTests</c>), shown beside the study's claim of ≈ 10.8 M.
    /// </summary>
    internal static readonly IReadOnlyDictionary<string, long> FullProfileParameters = new Dictionary<string, long>
    {
        ["charlm"] = 10_795_776, ["tinylstm"] = 7_147_008, ["minigpt"] = 10_795_776,
        ["convlm"] = 16_016_640, ["hybridlm"] = 8_330_112, ["nanotransformer"] = 10_770_048,
    };

    private static void Architectures(StringBuilder md, ReportContext ctx)
    {
        md.AppendLine("### Architectures").AppendLine();
        md.AppendLine("Parameter counts are those recorded by the trials (trainable parameters). Gated activations change the feed-forward block, so their count can differ.").AppendLine();
        md.AppendLine($"The study states ≈ 10.8 M parameters for every architecture at its full profile. Built as described there (ReLU), they are not equal: " +
                      string.Join(", ", FullProfileParameters.Select(p => $"{StudyOrder.ModelDisplayName(p.Key)} {(p.Value / 1e6).ToString("0.0", Inv)} M")) +
                      " (formulas in docs/architectures.md), so architectures differ in capacity as well as in layout.").AppendLine();
        var table = new MdTable("architecture", "family", "profile", "parameters");
        foreach (var model in ctx.Catalog.GoodCells.GroupBy(c => c.Config.Model).OrderBy(g => g.Key, StudyOrder.Models))
        {
            string family = StudyOrder.Architecture(model.Key, model)?.Family.ToString().ToLowerInvariant() ?? "not recorded";
            foreach (var profile in model.GroupBy(c => c.Config.Profile).OrderBy(g => g.Key, StudyOrder.Profiles))
            {
                var counts = profile.SelectMany(c => c.Trials.Select(t => (t.Parameters, c.Config.Activation))).Distinct()
                    .GroupBy(x => x.Parameters).OrderBy(g => g.Key).ToList();
                string parameters = counts.Count == 1
                    ? Fmt.Int(counts[0].Key)
                    : string.Join("; ", counts.Select(g => $"{Fmt.Int(g.Key)} ({string.Join(", ", g.Select(x => x.Activation).Distinct().Order(StudyOrder.Activations))})"));
                table.Row($"{StudyOrder.ModelDisplayName(model.Key)} ({Md.Code(model.Key)})", family, profile.Key, parameters);
            }
        }
        table.WriteTo(md);
    }

    private static void Activations(StringBuilder md, IReadOnlyList<CellRecord> cells)
    {
        md.AppendLine("### Activations").AppendLine();
        var table = new MdTable("activation", "name", "definition", "smooth (C¹)", "gated");
        foreach (var name in cells.Select(c => c.Config.Activation).Distinct().Order(StudyOrder.Activations))
        {
            var spec = StudyOrder.Activation(name, cells);
            table.Row(Md.Code(name), spec?.DisplayName ?? "?", spec?.Formula ?? "not recorded",
                spec is null ? "?" : spec.IsSmooth ? "yes" : "no", spec is null ? "?" : spec.IsGated ? "yes" : "no");
        }
        table.WriteTo(md);
        md.AppendLine("A gated activation g turns a feed-forward block into g(xW) ⊙ (xV); elsewhere (where a model has no feed-forward block) it acts as g.").AppendLine();
    }

    private static void Seeds(StringBuilder md, ReportContext ctx, IReadOnlyList<CellRecord> cells)
    {
        md.AppendLine("### Seeds").AppendLine();
        md.AppendLine("Each trial has three sources of randomness, seeded separately: weight initialisation, the order of training batches, and dropout. " +
                      "Initialisation uses its seed directly (torch.manual_seed); data order and dropout use SHA-256-derived streams, so equal seed numbers never replay one stream in two sources.").AppendLine();
        var byIndex = cells.SelectMany(c => c.Trials).GroupBy(t => t.Index).OrderBy(g => g.Key).ToList();
        var table = new MdTable("trial", "init seed", "data seed", "dropout seed", "cells").RightAlign(0, 4);
        foreach (var index in byIndex)
            foreach (var seeds in index.GroupBy(t => t.Seeds).OrderBy(g => g.Key.Init).ThenBy(g => g.Key.Data).ThenBy(g => g.Key.Dropout))
                table.Row(index.Key.ToString(Inv), seeds.Key.Init.ToString(Inv), seeds.Key.Data.ToString(Inv), seeds.Key.Dropout.ToString(Inv), seeds.Count().ToString(Inv));
        table.WriteTo(md);
        bool shared = byIndex.All(g => g.Select(t => t.Seeds).Distinct().Count() == 1);
        md.AppendLine(shared
            ? "Trial k has the same seeds in every cell, so activations (and architectures) are compared pair by pair on equal seeds."
            : "**Trials of the same index do not share seeds across cells**: comparisons between these cells are not paired by seed.").AppendLine();
        if (ctx.Catalog.GoodArmCells.Any())
            md.AppendLine("The seed-source ablation trains extra arms of some cells, each varying one source between trials and fixing the other two at the base seed: " +
                          "in the init, data and dropout arms trial k uses base + k for that source only; the all arm is the study's cell (every source varies); " +
                          "the same arm gives every trial the base seed and measures the noise floor (0 on CPU). Arms of a cell share its config and its folder.").AppendLine();
    }

    private static void Evaluation(StringBuilder md, ReportContext ctx)
    {
        md.AppendLine("### Evaluation protocol").AppendLine();
        foreach (var profile in ctx.CellsByProfile)
        {
            var c = profile.First().Config;
            var prints = profile.Select(r => r.EvalFingerprint).Distinct().Order(StringComparer.Ordinal).ToList();
            md.AppendLine($"- **{profile.Key}**: every trial is scored on the same {Fmt.Int(c.Settings.EvalContexts)} validation windows of {c.Settings.BlockSize} characters, drawn once with seed {c.Settings.EvalSeed} " +
                          $"from a generator of their own (never the training generator); contexts fingerprint {string.Join(", ", prints.Select(p => Md.Code(ShortHashes.Of(p))))}." +
                          (prints.Count > 1 ? " **Cells of this profile were scored on different contexts; their disagreements are not comparable.**" : ""));
        }
        md.AppendLine();
        md.AppendLine("Tables report the next character after each full window (the position the study scores): cross-entropy in nats and top-1 accuracy. " +
                      "Training loss and validation loss are also estimated at every periodic evaluation on fixed batches; the best-validation weights are the snapshot " +
                      "taken at the periodic evaluation with the lowest validation loss, and both they and the final weights are scored. " +
                      "A trial whose loss becomes NaN or infinite stops, is recorded as diverged, and enters no figure.").AppendLine();
    }

    private static void Metrics(StringBuilder md)
    {
        md.AppendLine("### Metrics").AppendLine();
        md.AppendLine("For two trials i, j with next-character distributions p_i(n), p_j(n) over the V characters on the same N contexts:").AppendLine();
        md.AppendLine("- **Relative PD** = mean|P_i − P_j| / (mean P_i + mean P_j), means over all N·V entries. Rows sum to 1, so this is the mean total-variation distance ½‖p_i(n) − p_j(n)‖₁; in [0, 1].");
        md.AppendLine("- **Element-wise PD** (Shamir et al.) = mean over entries of 2|p_i − p_j| / (p_i + p_j), with 0/0 counted as 0; in [0, 2], dominated by rare characters.");
        md.AppendLine("- **Target PD** = Σ_n |p_i(y_n) − p_j(y_n)| / Σ_n (p_i(y_n) + p_j(y_n)), Relative PD restricted to the true next character y_n; in [0, 1].");
        md.AppendLine("- **Top-1 disagreement** (churn) = fraction of contexts whose most probable character differs.");
        md.AppendLine("- **Validation loss and accuracy** per trial on the same contexts; reported as mean ± sample standard deviation over trials.");
        md.AppendLine();
    }

    private static void Statistics(StringBuilder md, ReportContext ctx)
    {
        md.AppendLine("### Statistical tests").AppendLine();
        md.AppendLine("Per cell, disagreement metrics are summarised over the K(K−1)/2 pairs of K completed trials as mean [min–max]. " +
                      "Pairs share trials and are not independent, so the range describes the pairs; it is not a confidence interval. " +
                      "Loss and accuracy are mean ± sample standard deviation (n − 1) over trials. Results of different configs are never pooled: " +
                      "every number in a row comes from the one results file it links to.").AppendLine();
        var families = ctx.Catalog.GoodHypotheses.Select(f => f.Value!).ToList();
        if (families.Count == 0)
        {
            md.AppendLine("No hypothesis verdicts were found in these results, so no hypothesis test is reported.").AppendLine();
            return;
        }
        var comparisons = families.SelectMany(f => f.Verdicts).Select(v => v.Hypothesis.Comparison).ToList();
        var methods = comparisons.Select(c => c.Method).Distinct().Order(StringComparer.Ordinal).ToList();
        var levels = comparisons.Select(c => c.ConfidenceLevel).Distinct().Order().Select(Fmt.Level);
        var alphas = families.Select(f => f.Alpha).Distinct().Order().Select(Fmt.Num);
        md.AppendLine("Hypotheses are decided as one family per report, as docs/statistics.md describes: every architecture's H1 (per smooth activation and pooled), H2 and H4, " +
                      $"and H3 with H3[contrast], are adjusted together by Holm–Bonferroni at family-wise α = {string.Join(" / ", alphas)} (the spec run that wrote them used one family over what it ran; this report re-adjusts over everything it shows). " +
                      $"Each comparison reports the effect (A − B)/B in %, its {string.Join(" / ", levels)} confidence interval, the unadjusted and the Holm-adjusted p-value, " +
                      "the sample it used, and the sample that 80 % power would need if the observed effect were the true one. " +
                      "Supported: adjusted p ≤ α in the claimed direction; contradicted: adjusted p ≤ α in the opposite direction; inconclusive: otherwise. Tests used:").AppendLine();
        foreach (var method in methods) md.AppendLine($"- {Md.Text(method)}");
        md.AppendLine();
    }

    private static readonly System.Globalization.CultureInfo Inv = System.Globalization.CultureInfo.InvariantCulture;

    /// <summary>The settings of a config other than what varies within a profile (model, activation).</summary>
    private static string Settings(CellConfig c) => (c with { Model = "", Activation = "" }).Hash;
}
