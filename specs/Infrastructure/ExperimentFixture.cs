using ReproSpecs.Harness.Cells;
using ReproSpecs.Harness.Configuration;
using ReproSpecs.Harness.Data;
using ReproSpecs.Harness.Records;
using ReproSpecs.Harness.Results;
using ReproSpecs.Harness.Runtime;
using ReproSpecs.Harness.Training;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace ReproSpecs.Specs.Infrastructure;

/// <summary>
/// Shared by every spec class (one xunit collection, so cells run one after another and each uses all
/// threads): the settings, the verified corpus, the profile's data on its device, the results store,
/// and live progress on the channel that shows it while <c>dotnet test</c> runs (<see cref="SpecConsole"/>).
/// </summary>
public sealed class ExperimentFixture : IDisposable
{
    private readonly Lazy<ExperimentContext> _context;

    /// <summary>
    /// Reads the settings (a configuration error, an unknown <c>REPROSPECS_*</c> variable or a GPU profile that cannot
    /// run here, stops the run with one message: <see cref="ConfigurationGate"/>); the data are prepared on first use.
    /// </summary>
    public ExperimentFixture(IMessageSink sink)
    {
        Settings = ConfigurationGate.Check(SpecSettings.FromEnvironment);
        var console = new SpecConsole(sink);
        Progress = new LineProgress(console.WriteLine, TimeSpan.FromSeconds(5));
        Corpus = ConfigurationGate.Check(() => CorpusLoader.Load(CorpusOptions.FromEnvironment()));
        Store = ResultStore.For(Settings.ResultsDirectory, Corpus);
        TorchRuntime.SetThreads(Settings.Threads);
        Hypotheses = new HypothesisBook(this);
        _context = new Lazy<ExperimentContext>(() => ExperimentContext.Create(Settings.Profile, Corpus));
        console.WriteLine($"ReproSpecs: profile {Settings.Profile.Name}, {Settings.TrialPlan}, {Threads(Settings.Threads)}, " +
                                             $"corpus {Corpus.Name} ({Corpus.Vocabulary.Size} characters, SHA-256 {Corpus.Sha256[..12]}), results in {Store.Root}");
    }

    /// <summary>The run's settings.</summary>
    public SpecSettings Settings { get; }

    /// <summary>Live progress sink.</summary>
    public IProgressSink Progress { get; }

    /// <summary>The verified corpus (loaded once, before any test runs).</summary>
    public Corpus Corpus { get; }

    /// <summary>The results store (of this corpus).</summary>
    public ResultStore Store { get; }

    /// <summary>The study's hypotheses, decided from this run's cells.</summary>
    public HypothesisBook Hypotheses { get; }

    /// <summary>The profile's shared data (built on first use).</summary>
    public ExperimentContext Context => _context.Value;

    /// <summary>A runner over the shared data and store.</summary>
    public CellRunner Runner => new(Context, Store, Progress);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<CellResult>> _cells = new();

    /// <summary>
    /// The study cell (<paramref name="model"/>, <paramref name="activation"/>), run once per test run and
    /// shared by the cell spec and the hypothesis specs (so its trials are loaded and its cell.json
    /// written once, whichever spec asks first).
    /// </summary>
    /// <remarks>
    /// Under a sequential design (<c>REPROSPECS_TRIALS=auto</c>) this is the cell at the trials the design gave it,
    /// so asking for it runs the design of the run's hypotheses first (<see cref="HypothesisBook.TrialsFor"/>).
    /// </remarks>
    public CellResult Cell(string model, string activation) => CellAt(model, activation, Hypotheses.TrialsFor(model, activation));

    /// <summary>The study cell (<paramref name="model"/>, <paramref name="activation"/>) with its first <paramref name="trials"/> trials (trained if missing), once per run.</summary>
    public CellResult CellAt(string model, string activation, int trials) =>
        _cells.GetOrAdd($"{model}/{activation}@{trials}", _ => new Lazy<CellResult>(() => Runner.Run(model, activation, trials))).Value;

    /// <summary>
    /// The seed-ablation <paramref name="arm"/> of (<paramref name="model"/>, <paramref name="activation"/>), run once per
    /// test run and shared by the specs that use it (so its trials are loaded, and reported, once).
    /// </summary>
    public CellResult Arm(string model, string activation, SeedArm arm) =>
        _cells.GetOrAdd($"{model}/{activation}/{SeedArms.Name(arm)}", _ => new Lazy<CellResult>(() => Runner.RunArm(model, activation, arm, Settings.Trials))).Value;

    private static string Threads(int n) => n == 1 ? "1 thread" : $"{n} threads";

    /// <inheritdoc />
    public void Dispose()
    {
        if (_context.IsValueCreated) _context.Value.Dispose();
    }
}

