using ReproSpecs.Harness.Configuration;

namespace ReproSpecs.Harness.Records;

/// <summary>Applies the train-split estimate's batch count (<see cref="Profile.TrainLossIters"/>) from an option or the environment.</summary>
public static class TrainLossItersSetting
{
    /// <summary>
    /// <paramref name="profile"/> with <see cref="Profile.TrainLossIters"/> from <paramref name="option"/> (a command's
    /// <c>--train-loss-iters</c>), else <c>REPROSPECS_TRAIN_LOSS_ITERS</c>; unchanged when neither is set.
    /// </summary>
    /// <exception cref="ConfigurationException">Not a whole number between 1 and the profile's eval_iters.</exception>
    public static Profile Apply(Profile profile, string? option = null)
    {
        int? n = option is not null
            ? WholeNumber.Parse(option, "--train-loss-iters", 1, profile.EvalIters)
            : WholeNumber.FromEnvironment(EnvironmentVariables.TrainLossIters, 1, profile.EvalIters);
        return n is null ? profile : profile with { TrainLossIters = n };
    }
}
