using ReproSpecs.Harness.Statistics;
using ReproSpecs.Harness.Configuration;
using ReproSpecs.Harness.Records;
using ReproSpecs.Harness.Training;

namespace ReproSpecs.Specs.Infrastructure;

/// <summary>
/// What a spec run is configured with. Runsettings files (<c>runsettings/*.runsettings</c>) set these
/// environment variables; with none, the smoke profile runs.
/// </summary>
/// <param name="Profile">The profile (with <see cref="Trials"/> applied).</param>
/// <param name="Trials">Trials per cell.</param>
/// <param name="ResultsDirectory">The results store.</param>
/// <param name="Threads">libtorch threads.</param>
/// <param name="ContradictionFails">Whether a contradicted hypothesis fails (else it is reported as a skip).</param>
/// <param name="AblationArms">Seed-ablation arms to run.</param>
/// <param name="AblationActivations">Activations the ablation arms run on.</param>
/// <param name="Weights">Which weights the hypotheses are decided on.</param>
/// <param name="Plan">Fixed trials or a sequential design (<c>REPROSPECS_TRIALS=auto</c>); null: <paramref name="Trials"/> fixed.</param>
public sealed record SpecSettings(Profile Profile, int Trials, string ResultsDirectory, int Threads, bool ContradictionFails,
    IReadOnlyList<SeedArm> AblationArms, IReadOnlyList<string> AblationActivations, ScoredWeights Weights = ScoredWeights.Last, TrialPlan? Plan = null)
{
    /// <summary>The run's trial plan (a fixed <see cref="Trials"/> when none was given).</summary>
    public TrialPlan TrialPlan => Plan ?? new TrialPlan(Trials, null);

    /// <summary>Reads the settings from the environment.</summary>
    /// <exception cref="Harness.ConfigurationException">A setting is malformed, or an unknown <c>REPROSPECS_*</c> variable is set.</exception>
    public static SpecSettings FromEnvironment()
    {
        EnvironmentVariables.CheckNames();
        var profile = TrainLossItersSetting.Apply(Profiles.Get(EnvironmentVariables.Get(EnvironmentVariables.Profile) ?? Profiles.DefaultName));
        var plan = TrialPlan.FromEnvironment(profile.Trials, HypothesisBook.Alpha);
        int trials = plan.Fixed;
        int threads = profile.ResolveThreads();
        bool contradictionFails = (EnvironmentVariables.Get(EnvironmentVariables.Contradiction)?.ToLowerInvariant()) switch
        {
            null => profile.Name != Profiles.Smoke.Name, // smoke models are too small for the claims to apply
            "fail" => true,
            "skip" => false,
            var other => throw new Harness.ConfigurationException($"{EnvironmentVariables.Contradiction}='{other}' must be 'fail' or 'skip'."),
        };
        var arms = SeedArms.Parse(EnvironmentVariables.Get(EnvironmentVariables.Ablation) ?? "same");
        var ablationActivations = (EnvironmentVariables.Get(EnvironmentVariables.AblationActivations) ?? "relu")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(a => Harness.Activations.ActivationRegistry.Get(a).Name).ToList();
        if (profile.Device == DeviceKind.Cuda && DeviceResolver.CudaUnavailableReason() is { } reason)
            throw new Harness.ConfigurationException($"profile '{profile.Name}': {reason}");
        var weights = ScoredWeightsSetting.Parse(EnvironmentVariables.Get(EnvironmentVariables.Weights));
        return new SpecSettings(profile with { Trials = trials }, trials, UserPaths.ResultsDirectory(), threads, contradictionFails, arms, ablationActivations, weights, plan);
    }
}
