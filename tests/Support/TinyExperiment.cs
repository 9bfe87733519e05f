using ReproSpecs.Harness.Cells;
using ReproSpecs.Harness.Data;
using ReproSpecs.Harness.Records;
using ReproSpecs.Harness.Results;
using ReproSpecs.Harness.Runtime;
using ReproSpecs.Harness.Training;
using Xunit;

namespace ReproSpecs.Tests.Support;

/// <summary>
/// A profile small enough to train a trial in a fraction of a second on a synthetic corpus, with its
/// shared data prepared once, and the trainings several tests inspect done once (tests that need a
/// training of their own, e.g. to compare two, still train).
/// </summary>
public sealed class TinyExperiment : IDisposable
{
    /// <summary>n_embd 16, 1 layer, block 16, batch 4, 20 steps, 24 evaluation contexts, 2 trials.</summary>
    public static readonly Profile Profile = new()
    {
        Name = "unit", NEmbd = 16, NHead = 2, NLayer = 1, BlockSize = 16, BatchSize = 4,
        MaxIters = 20, EvalInterval = 10, EvalIters = 2, Device = DeviceKind.Cpu,
        LearningRate = 3e-3, EvalContexts = 24, Trials = 2,
    };

    private readonly Dictionary<TrialSeeds, TrainedTrial> _trained = new();
    private readonly TempDirectory _store = new();
    private readonly Lazy<CellResult> _cell;
    private readonly int _previousThreads;

    /// <summary>Builds the synthetic corpus (20,000 characters) and the profile's shared data.</summary>
    public TinyExperiment()
    {
        // One intra-op thread: a 16-wide model gains nothing from more, and on a busy 2-core CI machine
        // libtorch's OpenMP workers spin against other processes, making each trial ~10x slower.
        // The collection runs alone, so no other test sees this; it is restored on dispose.
        _previousThreads = TorchRuntime.Threads;
        TorchRuntime.SetThreads(1);
        Corpus = SyntheticCorpus.Create(20_000);
        Context = ExperimentContext.Create(Profile, Corpus);
        _cell = new(() => new CellRunner(Context, new ResultStore(_store.Path)).Run(Cell(), CellRunner.DefaultSeeds(Profile, Profile.Trials)));
    }

    /// <summary>The synthetic corpus.</summary>
    public Corpus Corpus { get; }

    /// <summary>Splits, evaluation contexts and loss batches of <see cref="Profile"/>.</summary>
    public ExperimentContext Context { get; }

    /// <summary>The CharLM cell of <paramref name="activation"/> under <see cref="Profile"/>.</summary>
    public CellConfig Cell(string activation = "gelu") => CellConfigs.For(Profile, "charlm", activation, Corpus);

    /// <summary>Trains trial 0 of <see cref="Cell"/> with <paramref name="seeds"/> (always a new training).</summary>
    public TrainedTrial Train(TrialSeeds seeds) => TrialTrainer.Train(Context, Cell(), 0, Profile.Trials, seeds);

    /// <summary>Like <see cref="Train"/>, but trained once per seeds and shared between tests.</summary>
    public TrainedTrial Trained(TrialSeeds seeds)
    {
        if (!_trained.TryGetValue(seeds, out var trial)) _trained[seeds] = trial = Train(seeds);
        return trial;
    }

    /// <summary>The cell run once with the default seeds into a store of its own (never modified afterwards).</summary>
    public CellResult PristineCell => _cell.Value;

    /// <summary>The root of <see cref="PristineCell"/>'s store; copy it before changing anything.</summary>
    public string PristineStore
    {
        get { _ = _cell.Value; return _store.Path; }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Context.Dispose();
        _store.Dispose();
        TorchRuntime.SetThreads(_previousThreads);
    }
}

/// <summary>
/// Tests that train. They seed torch's global generator (as training does), so they run alone, after
/// every parallel test: another test drawing from that generator mid-trial would break determinism.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TrainingCollection : ICollectionFixture<TinyExperiment>
{
    /// <summary>Collection name.</summary>
    public const string Name = "Training (serial)";
}
