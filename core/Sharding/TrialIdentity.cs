using System.Globalization;
using ReproSpecs.Harness.Records;

namespace ReproSpecs.Harness.Sharding;

/// <summary>
/// One trial of a plan, the unit a sharded run assigns: (profile, architecture, activation, seed arm, trial index), with
/// the config hash that keys its folder and its seeds. Two trials are the same trial exactly when these are equal.
/// </summary>
/// <param name="Profile">Profile name.</param>
/// <param name="Model">Architecture.</param>
/// <param name="Activation">Activation.</param>
/// <param name="Arm">Seed arm (the study's <see cref="SeedArm.All"/>, or an ablation arm).</param>
/// <param name="Index">0-based trial index within its cell's arm.</param>
/// <param name="ConfigHash">The cell's config hash.</param>
/// <param name="Seeds">The trial's seeds.</param>
public sealed record TrialIdentity(string Profile, string Model, string Activation, SeedArm Arm, int Index, string ConfigHash, TrialSeeds Seeds)
{
    /// <summary>
    /// The ordinal key that orders and breaks ties between trials, the same on every machine (never a string hash
    /// code, which .NET randomises per process).
    /// </summary>
    public string Key => string.Create(CultureInfo.InvariantCulture, $"{Profile}/{Model}/{Activation}/{SeedArms.Name(Arm)}/{Index:D4}/{ConfigHash}");

    /// <summary>"smoke/charlm/gelu trial 2", with " (arm same)" for an ablation arm.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Profile}/{Model}/{Activation} trial {Index}{(Arm == SeedArm.All ? "" : $" (arm {SeedArms.Name(Arm)})")}");
}
