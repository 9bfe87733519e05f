using ReproSpecs.Harness.Cells;
using ReproSpecs.Harness.Results;
using ReproSpecs.Harness.Training;

namespace ReproSpecs.Cli.Commands;

/// <summary>The body of a pool's worker (<c>reprospecs run … --worker N</c>): trains the free trials of the cells, progress prefixed with <c>[wN]</c>.</summary>
internal static class RunWorker
{
    public static int Train(ExperimentContext context, ResultStore store, IReadOnlyList<string> models, IReadOnlyList<string> activations,
        int trials, int slot, CancellationToken cancel)
    {
        string prefix = $"[w{slot}] ";
        var progress = new LineProgress(line => Console.Error.WriteLine(prefix + line), TimeSpan.FromSeconds(2));
        var cells = (from model in models
                     from act in activations
                     select (CellConfigs.For(context.Profile, model, act, context.Corpus), CellRunner.DefaultSeeds(context.Profile, trials))).ToList();
        var pass = new TrialQueue(context, store, progress).TrainFree(cells, cancel);
        Console.Error.WriteLine($"{prefix}done: trained {pass.Trained}, found {pass.Stored} stored, left {pass.Busy} to other workers");
        return 0;
    }
}
