using System.CommandLine;
using ReproSpecs.Harness;
using ReproSpecs.Harness.Configuration;
using ReproSpecs.Harness.Records;
using ReproSpecs.Harness.Results;

namespace ReproSpecs.Cli.Commands;

/// <summary>
/// <c>reprospecs baselines</c>: records each cell's mean Relative PD from the results store into the
/// committed baselines file (the specs' CI gate). Review the diff before committing it.
/// </summary>
internal static class BaselinesCommand
{
    public static Command Create()
    {
        var profile = CommonOptions.Profile();
        var results = CommonOptions.Results();
        var file = new Option<string>("--file")
        {
            Description = "Baselines file to update (default: specs/baselines.json at the repository root).",
            DefaultValueFactory = _ => Path.Combine(UserPaths.FindRepositoryRoot(Environment.CurrentDirectory) ?? ".", "specs", "baselines.json"),
        };
        var command = new Command("baselines", "Record the mean Relative PD of every cell of a profile into the baselines file.")
        {
            profile, results, file,
        };
        command.SetAction(parse => CommonOptions.Guard(() =>
        {
            string path = parse.GetValue(file)!, name = parse.GetValue(profile)!;
            var store = new ResultStore(parse.GetValue(results)!);
            var baselines = Baselines.Load(path);
            var cells = store.CellFiles(name).Select(ResultStore.LoadCell).ToList();
            if (cells.Count == 0)
                throw new ReproSpecsException($"No cells of profile '{name}' in {store.Root}. Fix: run the specs or 'reprospecs run --profile {name}' first.");
            var byCell = cells.GroupBy(c => (c.Config.Model, c.Config.Activation)).ToList();
            foreach (var group in byCell)
            {
                if (group.Select(c => c.ConfigHash).Distinct().Count() > 1)
                    throw new ReproSpecsException($"{name}/{group.Key.Model}/{group.Key.Activation} has results under several config hashes in {store.Root}; baselines must come from one config. Fix: delete the stale cell folders.");
                var cell = group.Single();
                if (cell.Summary.Last is null)
                    throw new ReproSpecsException($"{cell.Config.Label} has fewer than two completed trials; it cannot set a baseline.");
                baselines = baselines.With(name, cell.Config.Model, cell.Config.Activation, cell.Summary.Last.RelativePd.Mean);
                Console.WriteLine($"{cell.Config.Label,-32} {cell.Summary.Last.RelativePd.Mean:F6}");
            }
            baselines.Save(path);
            Console.WriteLine($"updated {byCell.Count} cell(s) in {path} (tolerance {baselines.Tolerance:P0})");
            return 0;
        }));
        return command;
    }
}
