using ReproSpecs.Harness.Cells;
using ReproSpecs.Harness.Records;
using ReproSpecs.Harness.Results;
using ReproSpecs.Harness.Training;
using ReproSpecs.Tests.Support;
using Shouldly;
using Xunit;

namespace ReproSpecs.Tests.Cells;

/// <summary>A seed-ablation arm's progress is labelled as an arm, never like its cell (which reads as the cell training twice).</summary>
[Collection(TrainingCollection.Name)]
public sealed class ArmLabelTests(TinyExperiment experiment)
{
    private sealed class Cells : IProgressSink
    {
        public List<string> Labels { get; } = [];
        public void Report(TrialProgress progress) { lock (Labels) Labels.Add(progress.Cell); }
    }

    [Fact]
    public void The_same_seed_arm_reports_progress_as_arm_same_and_the_cell_as_itself()
    {
        using var store = new TempDirectory();
        var sink = new Cells();
        var runner = new CellRunner(experiment.Context, new ResultStore(store.Path), sink);
        string label = runner.RunArm("charlm", "gelu", SeedArm.SameSeed).Record.Config.Label;
        sink.Labels.ShouldNotBeEmpty();
        sink.Labels.ShouldAllBe(l => l == $"{label} arm same");

        sink.Labels.Clear();
        runner.Run("charlm", "gelu");
        sink.Labels.ShouldNotBeEmpty();
        sink.Labels.ShouldAllBe(l => l == label);
        new TrialProgress(label, 0, 3, 10, 40, 2.5, 1000, TimeSpan.FromSeconds(3)).ToString().ShouldStartWith($"[{label}] trial 1/3 step 10/40");
    }
}
