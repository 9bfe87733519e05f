using System.Globalization;
using System.Text;
using ReproSpecs.Harness.Records;
using ReproSpecs.Reports.Logs;
using ReproSpecs.Reports.Markdown;
using ReproSpecs.Reports.Sections;
using ReproSpecs.Reports.Store;

namespace ReproSpecs.Reports;

/// <summary>
/// Builds the appendix's markdown from the results and logs. The output depends only on the inputs (no
/// clock, no culture, no machine paths other than links relative to the output folder), so a fixture
/// renders to the same text everywhere and golden-file tests can compare it byte for byte.
/// </summary>
public static class ReportBuilder
{
    /// <summary>Title of the appendix.</summary>
    public const string Title = "ReproSpecs results appendix";

    /// <summary>Reads the inputs and builds the report.</summary>
    /// <exception cref="Harness.ReproSpecsException">Missing inputs, or a cell found with two configs.</exception>
    public static BuiltReport Build(ReportInput input)
    {
        string output = Path.GetFullPath(input.OutputDirectory);
        var catalog = ResultsCatalog.Load(input.Results, input.Profiles);
        var logs = LogSet.Read(input.Logs, path => Path.GetRelativePath(output, path).Replace('\\', '/'));
        var ctx = new ReportContext(catalog, logs, output);

        var md = new StringBuilder();
        Header(md, ctx);
        MethodsSection.Write(md, ctx);
        ResultsSection.Write(md, ctx);
        HypothesesSection.Write(md, ctx);
        SequentialSection.Write(md, ctx);
        AblationSection.Write(md, ctx);
        OutcomesSection.Write(md, ctx);
        ProvenanceSection.Write(md, ctx);
        IntegritySection.Write(md, ctx);

        var results = logs.Results;
        return new BuiltReport(md.ToString().ReplaceLineEndings("\n"), ctx.Figures, catalog.Problems.Count(),
            (results.Count(r => r.Outcome == OutcomeKind.Passed), results.Count(r => r.Outcome == OutcomeKind.Failed), results.Count(r => r.Outcome == OutcomeKind.Skipped)),
            ReportVerdicts.Contradicted(catalog), ctx.Tables);
    }

    private static void Header(StringBuilder md, ReportContext ctx)
    {
        var cells = ctx.Catalog.GoodCells.ToList();
        string Count(int n, string noun) => $"{n.ToString(CultureInfo.InvariantCulture)} {noun}{(n == 1 ? "" : "s")}";
        md.AppendLine($"# {Title}").AppendLine();
        md.AppendLine("How much do two training runs of the same small character-level language model disagree when only the seed changes, and does the activation function change that?").AppendLine();
        var facts = new List<string>
        {
            Count(ctx.Catalog.Cells.Count, "cell") + $" ({string.Join(", ", cells.Select(c => c.Config.Profile).Distinct().Order(StudyOrder.Profiles).Select(p => $"profile {p}"))})",
            Count(cells.Select(c => c.Config.Model).Distinct().Count(), "architecture"),
            Count(cells.Select(c => c.Config.Activation).Distinct().Count(), "activation"),
            Count(cells.Sum(c => c.Trials.Count), "trial"),
            Count(ctx.Logs.Logs.Count, "test log"),
        };
        md.AppendLine($"This appendix covers {string.Join(", ", facts)}.");
        // When training ran (each trial's finish), not when the cell files were last saved (a rerun that reuses every trial re-saves them).
        var dates = cells.SelectMany(c => c.Trials).Select(t => t.FinishedAt).ToList();
        if (dates.Count > 0) md.AppendLine($"Trials finished training {Fmt.DateRange(dates)}.");
        md.AppendLine();
        int problems = ctx.Catalog.Problems.Count();
        if (problems > 0)
            md.AppendLine($"> **Warning:** {problems} results file{(problems == 1 ? "" : "s")} failed verification (altered or unreadable) and {(problems == 1 ? "is" : "are")} excluded from every number; see [Integrity](#integrity).").AppendLine();
        int failed = ctx.Logs.Results.Count(r => r.Outcome == OutcomeKind.Failed);
        if (failed > 0)
            md.AppendLine($"> **{failed} spec{(failed == 1 ? "" : "s")} failed**; see [Spec outcomes](#spec-outcomes).").AppendLine();
        md.AppendLine("Contents: [Methods](#methods) · [Results](#results)" +
                      (ctx.Catalog.GoodHypotheses.Any() ? " · [Hypotheses](#hypotheses)" : "") +
                      (ctx.Catalog.GoodArmCells.Any() ? " · [Seed-source ablation](#seed-source-ablation)" : "") +
                      " · [Spec outcomes](#spec-outcomes) · [Provenance](#provenance) · [Integrity](#integrity)").AppendLine();
    }
}
