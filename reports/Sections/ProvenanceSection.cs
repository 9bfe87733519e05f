using System.Globalization;
using System.Text;
using ReproSpecs.Harness.Data;
using ReproSpecs.Harness.Records;
using ReproSpecs.Reports.Markdown;

namespace ReproSpecs.Reports.Sections;

/// <summary>Where and with what the numbers were produced (from the provenance of each cell file, ablation arms included), and which logs were read.</summary>
public static class ProvenanceSection
{
    /// <summary>Appends the section.</summary>
    public static void Write(StringBuilder md, ReportContext ctx)
    {
        md.AppendLine("## Provenance").AppendLine();
        var cells = ctx.Catalog.GoodCells.Concat(ctx.Catalog.GoodArmCells).ToList();
        if (cells.Count > 0)
        {
            var table = new MdTable("commit", "dirty", "TorchSharp", "libtorch", ".NET", "OS", "device", "threads", "machine", "cell files", "run dates").RightAlign(7, 9);
            foreach (var g in cells.GroupBy(c => c.Provenance with { CreatedAt = default })
                         .OrderBy(g => g.Min(c => c.Provenance.CreatedAt)).ThenBy(g => g.Key.GitCommit, StringComparer.Ordinal))
            {
                var p = g.Key;
                var dates = g.Select(c => c.Provenance.CreatedAt).Concat(g.SelectMany(c => c.Trials.Select(t => t.FinishedAt)));
                table.Row(Md.Code(ShortHashes.Of(p.GitCommit)), p.GitDirty ? "**yes**" : "no", p.TorchSharpVersion, p.LibTorchVersion,
                    p.Dotnet, p.Os, p.Device, p.Threads.ToString(CultureInfo.InvariantCulture), p.Machine, g.Count().ToString(CultureInfo.InvariantCulture), Fmt.DateRange(dates));
            }
            table.WriteTo(md);
            if (cells.Any(c => c.Provenance.GitDirty))
                md.AppendLine("A dirty commit means tracked files differed from the commit when those cells ran: the commit alone does not reproduce them.").AppendLine();
            foreach (var sha in cells.Select(c => c.Provenance.CorpusSha256).Distinct().Order(StringComparer.Ordinal))
                md.AppendLine($"- Corpus SHA-256 {Md.Code(sha)}{(sha == TinyShakespeare.Sha256 ? " (canonical Tiny Shakespeare)" : " (**not** the canonical Tiny Shakespeare)")}.");
            md.AppendLine($"- Results-file schema version {string.Join(", ", cells.Select(c => c.Provenance.SchemaVersion).Distinct().Order())}; " +
                          $"results folders read: {ctx.Catalog.Roots.Count}.");
            md.AppendLine();
        }
        if (ctx.Logs.Logs.Count > 0)
        {
            md.AppendLine("Test logs:").AppendLine();
            var logs = new MdTable("log", "computer", "started", "finished", "profile", "tests").RightAlign(5);
            foreach (var l in ctx.Logs.Logs)
                logs.Row(l.DisplayPath, l.Computer ?? "?", l.Started is { } s ? Fmt.Date(s) : "?",
                    l.Finished is { } f ? Fmt.Date(f) : "?", l.Profile ?? "?", l.Results.Count.ToString(CultureInfo.InvariantCulture));
            logs.WriteTo(md);
            foreach (var (copy, of) in ctx.Logs.Duplicates)
                md.AppendLine($"- {Md.Code(copy.DisplayPath)} is a copy of {Md.Code(of.DisplayPath)} (the same test run): counted once.");
            if (ctx.Logs.Duplicates.Count > 0) md.AppendLine();
        }
    }
}
