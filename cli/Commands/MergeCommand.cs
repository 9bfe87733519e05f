using System.CommandLine;
using System.Globalization;
using ReproSpecs.Harness.Cells;
using ReproSpecs.Harness.Configuration;
using ReproSpecs.Harness.Data;
using ReproSpecs.Harness.Records;
using ReproSpecs.Harness.Results;
using ReproSpecs.Harness.Sharding;
using ReproSpecs.Harness.Statistics;
using ReproSpecs.Harness.Training;
using ReproSpecs.Reports;

namespace ReproSpecs.Cli.Commands;

/// <summary>
/// <c>reprospecs merge --results S0 S1 … --out MERGED</c>: joins the stores of a sharded run (<see cref="ShardStoreSet"/>,
/// <see cref="TrialCopier"/>), computes the cells and decides the hypotheses from the saved probabilities
/// (<see cref="ShardMerge"/>; it never trains), and optionally builds the report. Exit codes: 0 complete, 1 a verdict
/// contradicted (with <c>--fail-on-contradiction</c>), 2 an error (nothing decided), 3 incomplete (trials missing).
/// </summary>
internal static class MergeCommand
{
    /// <summary>Exit code of a merge that lacks trials: distinct from an error, so a pipeline can rerun the named shards.</summary>
    public const int Incomplete = 3;

    /// <summary>Exit code of a complete merge with a contradicted verdict under <c>--fail-on-contradiction</c> (the report's gate's).</summary>
    public const int Contradicted = 1;

    public static Command Create()
    {
        var results = new Option<string[]>("--results", "-r")
        {
            Description = "The results folder of every shard (as each `reprospecs run --shard i/n --results DIR` wrote it).",
            AllowMultipleArgumentsPerToken = true, Arity = ArgumentArity.OneOrMore, Required = true,
        };
        var output = new Option<string>("--out", "-o") { Description = "The merged results folder (created; a normal store, e.g. for `run --trials auto`).", Required = true };
        var report = new Option<string?>("--report") { Description = "Also build the report of the merged store into this folder (when the merge is complete)." };
        var logs = new Option<string[]>("--logs", "-l") { Description = "Test logs for the report (optional).", AllowMultipleArgumentsPerToken = true };
        var gate = new Option<bool>("--fail-on-contradiction") { Description = $"Exit {Contradicted} when a decided verdict is contradicted." };
        var corpus = new Option<string?>("--corpus") { Description = $"The corpus the shards trained on (default: ${EnvironmentVariables.Corpus}, else the shipped Tiny Shakespeare)." };
        var command = new Command("merge", $"Join the stores of a sharded run: check, copy, compute the cells and decide the hypotheses (never trains). Exit 0 complete, {Contradicted} contradicted (gate), 2 error, {Incomplete} incomplete.")
        {
            results, output, report, logs, gate, corpus,
        };
        command.SetAction(parse => CommonOptions.Guard(() =>
        {
            var text = CorpusLoader.Load(CorpusOptions.FromEnvironment(parse.GetValue(corpus)));
            // The stores as `run` placed them: a user's own corpus lives under corpora/<name>-<sha>/ of each results folder.
            var set = ShardStoreSet.Load(parse.GetValue(results)!.Select(r => ResultStore.For(r, text).Root).ToList());
            ShardMerge.CheckBuild(set);
            var merged = ResultStore.For(parse.GetValue(output)!, text);
            var trials = TrialCopier.Copy(set, merged.Root);
            int total = set.Plan.Trials.Count;
            var shards = set.Manifests.Select(m => m.Manifest.Index).Distinct().Order().ToList();
            if (!trials.Complete)
            {
                // The first line says what to do; the list says why.
                Console.WriteLine($"incomplete: {trials.Missing.Count} of {total} trials missing — rerun shards {string.Join(", ", trials.RerunShards)}");
                foreach (var (trial, shard) in trials.Missing) Console.WriteLine($"  missing: {trial} (shard {shard} of {set.Plan.Count})");
            }
            else Console.WriteLine($"complete: {total} of {total} trials of plan {set.Plan.ShortHash}, {set.Plan.Count} shard(s)");
            Console.WriteLine($"merged {trials.Present.Count} trial(s) from {set.Roots.Count} store(s) (manifests of shards {string.Join(", ", shards)}) into {merged.Root}" +
                              (trials.Duplicates > 0 ? $"; {trials.Duplicates} found twice with identical content, kept once" : ""));

            var result = ShardMerge.Compute(set, trials, merged, text, new LineProgress(Console.Error.WriteLine, TimeSpan.FromSeconds(2)));
            if (result.Cells.Count > 0)
            {
                Console.WriteLine($"{"cell",-40} {"RelPD mean",10} {"top-1",7} {"val loss",8} {"acc",6} {"trials",6}");
                foreach (var cell in result.Cells) Console.WriteLine(Row(cell));
            }
            if (result.Undecided.Count > 0)
                Console.WriteLine($"not decided (cells lack trials): the hypotheses of {string.Join(", ", result.Undecided)}{(result.H3Planned && !result.H3Decided ? " and H3" : "")}");
            if (result.Verdicts.Count > 0)
            {
                Console.WriteLine();
                foreach (var v in result.Verdicts) Console.WriteLine(v.Message);
            }
            if (!trials.Complete) return Incomplete;
            if (parse.GetValue(report) is { } reportDir)
            {
                var built = ReportBuilder.Build(new ReportInput(parse.GetValue(logs) ?? [], [merged.Root], reportDir));
                var written = ReportWriter.Write(built, reportDir);
                Console.WriteLine($"Wrote {written.Markdown}");
            }
            var contradicted = result.Verdicts.Where(v => v.Verdict == Verdict.Contradicted).ToList();
            if (contradicted.Count > 0)
            {
                Console.Error.WriteLine($"Contradicted: {string.Join("; ", contradicted.Select(v => v.Hypothesis.Id))}.");
                if (parse.GetValue(gate)) return Contradicted;
            }
            return 0;
        }));
        return command;
    }

    /// <summary>One row of the cells table.</summary>
    private static string Row(CellResult r)
    {
        string label = r.Record.Arm == SeedArm.All ? r.Record.Config.Label : $"{r.Record.Config.Label} arm {SeedArms.Name(r.Record.Arm)}";
        var s = r.Record.Summary;
        return s.Last is null
            ? $"{label,-40} {s.DivergedTrials} of {r.Record.Trials.Count} trials diverged"
            : string.Create(CultureInfo.InvariantCulture,
                $"{label,-40} {s.Last.RelativePd.Mean,10:F5} {s.Last.Top1Disagreement.Mean,7:F4} {s.Last.Loss.Mean,8:F4} {s.Last.Accuracy.Mean,6:F3} {r.Record.Trials.Count,6}");
    }
}
