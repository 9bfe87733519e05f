using System.Collections.Concurrent;
using ReproSpecs.Harness.Activations;
using ReproSpecs.Harness.Cells;
using ReproSpecs.Harness.Models;
using ReproSpecs.Harness.Records;
using ReproSpecs.Harness.Runtime;
using ReproSpecs.Harness.Results;
using ReproSpecs.Harness.Statistics;
using Xunit;

namespace ReproSpecs.Specs.Infrastructure;

/// <summary>
/// Decides the study's hypotheses from the results store, training any missing cell of the profile
/// first, and writes each family's verdicts for the report. A family is decided once per run and
/// shared by its specs: one architecture's H1 (per smooth activation and pooled), H2 and H4 form one
/// Holm–Bonferroni family; H3 is a family of its own (docs/statistics.md).
/// </summary>
public sealed class HypothesisBook(ExperimentFixture fixture)
{
    /// <summary>Family-wise significance level.</summary>
    public const double Alpha = 0.05;

    private readonly ConcurrentDictionary<string, Lazy<IReadOnlyList<HypothesisVerdict>>> _families = new();

    /// <summary>The decided family of <paramref name="model"/>.</summary>
    public IReadOnlyList<HypothesisVerdict> Family(string model) =>
        _families.GetOrAdd(model, m => new Lazy<IReadOnlyList<HypothesisVerdict>>(() =>
        {
            var cells = Grid(m);
            var samples = cells.ToDictionary(kv => kv.Key, kv => CellSample.FromCellResult(kv.Value));
            return Save(m, HypothesisFamily.Decide(StudyHypotheses.ForArchitecture(m, samples, Alpha), Alpha), cells.Values);
        })).Value;

    /// <summary>The verdict with id <paramref name="id"/> of <paramref name="model"/>'s family.</summary>
    public HypothesisVerdict Verdict(string model, string id) =>
        Family(model).SingleOrDefault(v => v.Hypothesis.Id == id)
        ?? throw new InvalidOperationException($"{model}'s family has no hypothesis '{id}' (it has: {string.Join(", ", Family(model).Select(v => v.Hypothesis.Id))})");

    /// <summary>H3, decided across every transformer and recurrent architecture (their cells are trained if missing).</summary>
    public HypothesisVerdict? H3() =>
        _families.GetOrAdd("H3", _ => new Lazy<IReadOnlyList<HypothesisVerdict>>(() =>
        {
            var models = StudyHypotheses.Transformers.Concat(StudyHypotheses.Recurrent).Where(m => ModelRegistry.Names.Contains(m)).ToList();
            var grids = models.ToDictionary(m => m, Grid);
            var samples = grids.ToDictionary(g => g.Key,
                g => (IReadOnlyDictionary<string, CellSample>)g.Value.ToDictionary(kv => kv.Key, kv => CellSample.FromCellResult(kv.Value)));
            var h3 = StudyHypotheses.H3(samples, Alpha);
            return h3 is null ? [] : Save("H3", HypothesisFamily.Decide([h3], Alpha), grids.Values.SelectMany(g => g.Values));
        })).Value.SingleOrDefault();

    /// <summary>
    /// Turns a verdict into a test outcome: supported passes; contradicted fails (or, where the profile
    /// says so, is reported as a skip); inconclusive is a skip that carries the effect, interval, p and
    /// the trials 80 % power would need. Nothing is decided by a threshold on a mean.
    /// </summary>
    public void Assert(HypothesisVerdict verdict)
    {
        switch (verdict.Verdict)
        {
            case Harness.Statistics.Verdict.Supported:
                return;
            case Harness.Statistics.Verdict.Contradicted when fixture.Settings.ContradictionFails:
                Xunit.Assert.Fail(verdict.Message);
                return;
            case Harness.Statistics.Verdict.Contradicted:
                throw new SkipException($"{verdict.Message} (profile '{fixture.Settings.Profile.Name}' reports contradictions without failing: its models are too small for the study's claims)");
            default:
                throw new SkipException(verdict.Message);
        }
    }

    /// <summary>Every study-grid cell of <paramref name="model"/>, trained if missing (shared with the cell specs through the store).</summary>
    private Dictionary<string, CellResult> Grid(string model) =>
        ActivationRegistry.StudyGrid.ToDictionary(a => a, a => fixture.Cell(model, a));

    private IReadOnlyList<HypothesisVerdict> Save(string family, IReadOnlyList<HypothesisVerdict> verdicts, IEnumerable<CellResult> cells)
    {
        fixture.Store.SaveHypotheses(new HypothesisReport
        {
            Profile = fixture.Settings.Profile.Name,
            Family = family,
            Alpha = Alpha,
            Verdicts = verdicts,
            Cells = cells.ToDictionary(c => c.Record.Config.Label, c => c.Record.ConfigHash),
            Provenance = RunProvenance.Capture(fixture.Context.Device.type.ToString().ToLowerInvariant(), fixture.Context.Corpus.Sha256),
        });
        return verdicts;
    }
}
