using ReproSpecs.Harness.Cells;
using ReproSpecs.Harness.Results;
using ReproSpecs.Harness.Training;

namespace ReproSpecs.Harness.Benchmarks;

/// <summary>
/// The long-sweep memory check: many consecutive real trials (<see cref="CellRunner"/>: training, periodic evaluation,
/// scoring, results written to a temporary store that is deleted afterwards) of one or more cells in this process,
/// with resident memory read as each trial starts training and the peak of each trial. Memory that grows from trial to
/// trial (a leak, or an allocator that never reuses what it freed) shows as a drift from the first trial's figure.
/// </summary>
public static class MemorySweep
{
    /// <summary>The drift allowed from the figure after the first trial.</summary>
    public const double Tolerance = 0.10;

    /// <summary>Trains <paramref name="trials"/> trials of each of <paramref name="cells"/> and samples memory per trial.</summary>
    public static IReadOnlyList<SweptTrial> Run(ExperimentContext context, IReadOnlyList<(string Model, string Activation)> cells, int trials, IProgressSink? progress = null)
    {
        string root = Path.Combine(Path.GetTempPath(), $"reprospecs-sweep-{Guid.NewGuid():N}");
        var sink = new TrialStarts(progress ?? NullProgress.Instance);
        try
        {
            var runner = new CellRunner(context, new ResultStore(root), sink);
            foreach (var (model, activation) in cells) runner.Run(model, activation, trials);
            sink.Close();
            return sink.Trials;
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>The largest relative drift of resident memory from the trial after the first (0 with fewer than three trials).</summary>
    public static double Drift(IReadOnlyList<SweptTrial> trials) =>
        trials.Count < 3 ? 0 : trials.Skip(2).Max(t => Math.Abs(t.ResidentAtStartMiB / trials[1].ResidentAtStartMiB - 1));

    /// <summary>
    /// Reads memory at the first report of each trial (its step-0 evaluation): the resident size then, which holds
    /// everything the previous trials left behind, and the peak of the trial before, whose high-water mark it resets.
    /// </summary>
    private sealed class TrialStarts(IProgressSink inner) : IProgressSink
    {
        private string? _current;
        private double _resident;
        public List<SweptTrial> Trials { get; } = [];

        public void Report(TrialProgress p)
        {
            inner.Report(p);
            if (p.Trials == 0) return;
            string key = $"{p.Cell}#{p.Trial}";
            if (key == _current) return;
            Close();
            _current = key;
            _resident = ProcessMemory.ResidentMiB();
            ProcessMemory.ResetPeak();
        }

        /// <summary>Ends the trial in flight: its peak since it started.</summary>
        public void Close()
        {
            if (_current is null) return;
            Trials.Add(new SweptTrial(Trials.Count + 1, _current.Split('#')[0], _resident, ProcessMemory.PeakResidentMiB()));
            _current = null;
        }
    }
}
