using ReproSpecs.Harness.Cells;
using System.Collections.Concurrent;
using ReproSpecs.Harness.Design;
using ReproSpecs.Harness.Data;
using ReproSpecs.Harness.Models;
using ReproSpecs.Harness.Records;
using ReproSpecs.Harness.Statistics;
using ReproSpecs.Harness.Training;
using Xunit;

namespace ReproSpecs.Specs.Infrastructure;

/// <summary>
/// Decides the study's hypotheses from the results store, training any missing cell the run asks for first,
/// and writes the verdicts for the report. The whole spec run is one Holm–Bonferroni family, fixed once from
/// the run's test list (<see cref="RunPlan"/>): the H1, H2 and H4 of every architecture whose hypothesis specs
/// run, plus H3 and H3[contrast] when an H3 spec runs (docs/statistics.md). A run filtered to one architecture
/// therefore decides over that architecture only. Cells that fail their own spec (<see cref="CellValidity"/>)
/// make the verdicts that need them inconclusive. One file per architecture and one for H3 record the family's
/// size and members, so a report that merges runs can re-adjust over everything it has.
/// </summary>
public sealed class HypothesisBook(ExperimentFixture fixture)
{
    /// <summary>Family-wise significance level.</summary>
    public const double Alpha = 0.05;

    private const string H3Group = StudyDecisionFiles.H3Family;

    // Keyed by scope: the whole run's plan (normally), or one architecture / H3 when the run's test list is unknown.
    private readonly ConcurrentDictionary<string, Lazy<StudyDecision>> _families = new();

    /// <summary>The decided verdicts of <paramref name="model"/> (its H1, H2, H4), from the run's family.</summary>
    public IReadOnlyList<HypothesisVerdict> Family(string model) =>
        Decided(model).Where(v => v.Hypothesis.Id.StartsWith(model + "/", StringComparison.Ordinal)).ToList();

    /// <summary>The verdict with id <paramref name="id"/> of <paramref name="model"/>'s hypotheses.</summary>
    public HypothesisVerdict Verdict(string model, string id) =>
        Family(model).SingleOrDefault(v => v.Hypothesis.Id == id)
        ?? throw new InvalidOperationException($"{model} has no hypothesis '{id}' in this run's family (it has: {string.Join(", ", Family(model).Select(v => v.Hypothesis.Id))})");

    /// <summary>H3 (heterogeneity across every architecture), or null when it cannot be formed.</summary>
    public HypothesisVerdict? H3() => Decided(H3Group).SingleOrDefault(v => v.Hypothesis.Id == "H3");

    /// <summary>H3[contrast] (transformers vs recurrent models), or null when it cannot be formed.</summary>
    public HypothesisVerdict? H3Contrast() => Decided(H3Group).SingleOrDefault(v => v.Hypothesis.Id == "H3[contrast]");

    /// <summary>
    /// Turns a verdict into a test outcome: supported passes; contradicted and no meaningful effect fail (or, where the profile
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
            // A decided absence of the claimed effect refutes the claim as surely as the opposite sign does.
            case Harness.Statistics.Verdict.NoMeaningfulEffect when fixture.Settings.ContradictionFails:
                Xunit.Assert.Fail(verdict.Message);
                return;
            case Harness.Statistics.Verdict.NoMeaningfulEffect:
                throw new SkipException($"{verdict.Message} (profile '{fixture.Settings.Profile.Name}' reports refuted claims without failing: its models are too small for the study's claims)");
            default:
                throw new SkipException(verdict.Message);
        }
    }

    /// <summary>
    /// The family that contains <paramref name="scope"/> (an architecture or H3): the run's plan when the runner
    /// recorded it and it covers the scope; otherwise (another runner, or a scope outside the plan) the scope alone.
    /// </summary>
    private IReadOnlyList<HypothesisVerdict> Decided(string scope) => Decision(scope).Verdicts;

    /// <summary>The decision of the family that contains <paramref name="scope"/> (see <see cref="Decided"/>).</summary>
    private StudyDecision Decision(string scope)
    {
        var plan = RunPlan.Current;
        bool covered = plan is not null && (scope == H3Group ? plan.H3 : plan.Architectures.Contains(scope));
        if (!covered) plan = scope == H3Group ? new RunPlan([], true) : new RunPlan([scope], false);
        string key = $"{string.Join(",", plan!.Architectures)}|{plan.H3}";
        return _families.GetOrAdd(key, _ => new Lazy<StudyDecision>(() => DecideRun(plan))).Value;
    }

    /// <summary>
    /// Trials per cell this run gives (<paramref name="model"/>, <paramref name="activation"/>): the fixed count, or under a
    /// sequential design the trials the design reached for it (the first look's when no planned hypothesis needs it).
    /// </summary>
    public int TrialsFor(string model, string activation)
    {
        var trialPlan = fixture.Settings.TrialPlan;
        if (trialPlan.Sequential is null) return trialPlan.Fixed;
        var plan = RunPlan.Current;
        if (plan is null || !(plan.H3 || plan.Architectures.Contains(model))) return trialPlan.Fixed;
        var decided = Decision(plan.Architectures.Contains(model) ? model : H3Group);
        return decided.Cells.TryGetValue($"{model}/{activation}", out var cell) ? cell.Record.Trials.Count : trialPlan.Fixed;
    }

    /// <summary>Decides every hypothesis of <paramref name="plan"/> as one family (training what it needs) and writes its files.</summary>
    private StudyDecision DecideRun(RunPlan plan)
    {
        // H3 spans every architecture; otherwise only the planned ones are trained (what the run asked for).
        var models = ModelRegistry.Names.Where(m => plan.H3 || plan.Architectures.Contains(m)).ToList();
        var decider = new StudyDecider(fixture.CellAt, fixture.Context.Data.ValidationUnigramEntropy(), fixture.Settings.Weights,
            line => fixture.Progress.Report(TrialProgress.RunNote("study", line)));
        var decision = decider.Decide(plan.Architectures, plan.H3, models, fixture.Settings.TrialPlan, Alpha);
        StudyDecisionFiles.Save(fixture.Store, decision, plan.Architectures, plan.H3, fixture.Settings.Profile.Name, Alpha, fixture.Settings.Weights,
            RunProvenance.Capture(fixture.Context.Device.type.ToString().ToLowerInvariant(), fixture.Context.Corpus.Sha256));
        return decision;
    }
}
