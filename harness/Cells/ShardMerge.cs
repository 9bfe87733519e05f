using ReproSpecs.Harness.Data;
using ReproSpecs.Harness.Models;
using ReproSpecs.Harness.Records;
using ReproSpecs.Harness.Results;
using ReproSpecs.Harness.Sharding;
using ReproSpecs.Harness.Statistics;
using ReproSpecs.Harness.Training;

namespace ReproSpecs.Harness.Cells;

/// <summary>
/// The second half of <c>reprospecs merge</c>, after <see cref="TrialCopier"/> gathered the shards' trials: computes
/// every complete cell from its trials' saved probabilities (a <see cref="CellRunner"/> that never trains: a trial it
/// cannot load is an error, never a training run) and decides the study's hypotheses on them, as one Holm family,
/// with the machinery a run uses (<see cref="StudyDecider"/>), writing the families as a run does; a complete merge then
/// prints the verdicts the report of the merged store shows (<see cref="MergedVerdicts"/>: the report decides H3 from the
/// cells when the family has none). An architecture with a cell that lacks trials gets no verdict, and an incomplete
/// merge decides no H3.
/// </summary>
public static class ShardMerge
{
    /// <summary>The family-wise level (the run's and the specs').</summary>
    public const double Alpha = 0.05;

    /// <summary>
    /// Refuses shards computed by other code than this build, before anything is copied: a merge recomputes no trial,
    /// and the cells it computes must be this build's computation of these very trials.
    /// </summary>
    /// <exception cref="ConfigurationException">The shards' code fingerprint is not this build's.</exception>
    public static void CheckBuild(ShardStoreSet set)
    {
        string shards = set.First.Provenance.CodeFingerprint, here = CodeFingerprint.OfAll(set.Plan.Cells.Select(c => c.Config));
        if (shards != here)
            throw new ConfigurationException($"The shards' trials were computed by other code (fingerprint {shards}) than this build ({here}); a merge recomputes nothing, so it runs the shards' build. " +
                                             "Fix: merge with the build the shards ran (same commit, TorchSharp, libtorch, thread count), or rerun every shard with this one.");
    }

    /// <summary>Computes the merged store's cells and verdicts.</summary>
    /// <param name="set">The checked shard stores.</param>
    /// <param name="trials">What <see cref="TrialCopier.Copy"/> found.</param>
    /// <param name="merged">The merged store (its trials already copied).</param>
    /// <param name="corpus">The corpus the shards trained on.</param>
    /// <param name="progress">Progress of each cell's trials (all reused).</param>
    /// <param name="cancel">Stops between trials.</param>
    /// <exception cref="ConfigurationException">The corpus or the evaluation contexts are not the shards'.</exception>
    /// <exception cref="ResultFileException">A copied trial cannot be loaded (the merge never trains it).</exception>
    public static MergeResult Compute(ShardStoreSet set, MergedTrials trials, ResultStore merged, Corpus corpus, IProgressSink? progress = null,
        CancellationToken cancel = default)
    {
        var provenance = set.First.Provenance;
        if (corpus.Sha256 != provenance.CorpusSha256)
            throw new ConfigurationException($"The shards were trained on the corpus with SHA-256 {provenance.CorpusSha256[..12]}…, this merge loaded {corpus.Name} ({corpus.Sha256[..12]}…). " +
                                             "Fix: pass the shards' corpus with --corpus (or REPROSPECS_CORPUS), as their run did.");
        using var context = ExperimentContext.Create(set.First.Profile, corpus);
        if (context.EvalSet.Fingerprint != provenance.EvalFingerprint)
            throw new ConfigurationException($"This build draws evaluation contexts {context.EvalSet.Fingerprint} where the shards scored {provenance.EvalFingerprint}. Fix: merge with the build the shards ran.");
        var runner = new CellRunner(context, merged, progress) { NeverTrain = true };
        var present = trials.Present.ToHashSet();
        var cells = new List<CellResult>();
        var study = new Dictionary<string, CellResult>(StringComparer.Ordinal);
        var incomplete = new HashSet<string>(StringComparer.Ordinal);
        foreach (var cell in set.Plan.Cells)
        {
            if (!cell.Trials.All(present.Contains))
            {
                if (cell.Arm == SeedArm.All) incomplete.Add(cell.Config.Model);
                continue; // a cell lacking trials is not computed: no cell file holds fewer trials than its plan
            }
            var result = runner.Run(cell.Config, cell.Seeds, cell.Arm, cancel);
            cells.Add(result);
            if (cell.Arm == SeedArm.All) study[$"{cell.Config.Model}/{cell.Config.Activation}"] = result;
        }

        var studyCells = set.Plan.Cells.Where(c => c.Arm == SeedArm.All).ToList();
        var models = studyCells.Select(c => c.Config.Model).Distinct().ToList();
        var activations = studyCells.Select(c => c.Config.Activation).Distinct().ToList();
        var complete = models.Where(m => !incomplete.Contains(m)).ToList();
        // A run decides H3 with every architecture (the study's family); the report decides it from any cells of two or more.
        bool planned = models.Count > 1, includeH3 = models.Count == ModelRegistry.Names.Count && incomplete.Count == 0;
        if (complete.Count == 0 || studyCells.Count == 0)
            return new MergeResult(trials, cells, [], models.Where(incomplete.Contains).ToList(), planned, false);
        int k = studyCells[0].Seeds.Count;
        var decider = new StudyDecider((m, a, _, _) => study[$"{m}/{a}"], context.Data.ValidationUnigramEntropy(), ScoredWeights.Last);
        var decision = decider.Decide(complete, includeH3, complete, new TrialPlan(k, null), Alpha, activations);
        StudyDecisionFiles.Save(merged, decision, complete, includeH3, context.Profile.Name, Alpha, ScoredWeights.Last,
            RunProvenance.Capture(context.Device.type.ToString().ToLowerInvariant(), corpus.Sha256));
        if (incomplete.Count > 0) // nothing that needs a missing cell: no H3, which compares every architecture
            return new MergeResult(trials, cells, decision.Verdicts, models.Where(incomplete.Contains).ToList(), planned, false);
        // Complete: the verdicts the report of this store shows (its machinery, MergedVerdicts, over the files just written
        // and the cells: it adds H3 from the cells where the family has none), so the merge prints what the report will.
        var families = complete.Append(StudyDecisionFiles.H3Family).ToHashSet(StringComparer.Ordinal);
        var files = merged.HypothesisFiles(context.Profile.Name).Select(SealedJson.Read<HypothesisReport>).Where(f => families.Contains(f.Family)).ToList();
        var shown = MergedVerdicts.Of(files, study.Values.Select(c => c.Record).ToList(), Alpha, ScoredWeights.Last);
        return new MergeResult(trials, cells, shown, [], planned, shown.Any(v => v.Hypothesis.Id == "H3"));
    }
}
