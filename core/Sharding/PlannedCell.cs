using ReproSpecs.Harness.Records;

namespace ReproSpecs.Harness.Sharding;

/// <summary>One cell arm of a sharded plan: its config, its seed arm and the seeds of each of its trials.</summary>
/// <param name="Config">The cell's config (its hash keys the trials' folder).</param>
/// <param name="Arm">The seed arm.</param>
/// <param name="Seeds">One entry per trial, trial k at position k.</param>
public sealed record PlannedCell(CellConfig Config, SeedArm Arm, IReadOnlyList<TrialSeeds> Seeds)
{
    /// <summary>The cell's trials as plan units.</summary>
    public IEnumerable<TrialIdentity> Trials =>
        Seeds.Select((s, k) => new TrialIdentity(Config.Profile, Config.Model, Config.Activation, Arm, k, Config.Hash, s));
}
