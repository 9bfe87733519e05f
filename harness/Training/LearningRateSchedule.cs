using ReproSpecs.Harness.Records;
using TorchSharp;

namespace ReproSpecs.Harness.Training;

/// <summary>
/// The learning rate of each step (<see cref="LrSchedule"/>): the profile's rate at every step, or a cosine
/// decay from it towards a tenth of it (nanoGPT's <c>get_lr</c> without the warm-up).
/// </summary>
internal sealed class LearningRateSchedule(LrSchedule kind, double baseRate, int maxIters)
{
    /// <summary>
    /// The cosine floor, as a fraction of the base rate: a tenth, nanoGPT's <c>min_lr = learning_rate / 10</c>
    /// (and what <see cref="LrSchedule.Cosine"/> documents).
    /// </summary>
    public const double FloorFraction = 0.1;

    /// <summary>
    /// Half the span from the floor up to the base rate, so that the factor starts at 1: the 0.45 of the
    /// formula results were trained with (bit for bit the same double; a test holds it to that formula).
    /// </summary>
    public const double HalfSpan = (1 - FloorFraction) / 2;

    /// <summary>Whether the rate changes over training; a constant schedule never touches the optimiser.</summary>
    public bool Decays => kind == LrSchedule.Cosine;

    /// <summary>
    /// The rate of update <paramref name="step"/> (1-based): the base rate at step 1, decaying so that it would
    /// reach the floor one step after the last (the last step itself runs just above it).
    /// </summary>
    public double At(int step) => Decays
        ? baseRate * (FloorFraction + HalfSpan * (1 + Math.Cos(Math.PI * (step - 1) / maxIters)))
        : baseRate;

    /// <summary>Sets every parameter group of <paramref name="optimizer"/> to the rate of <paramref name="step"/>, when the rate decays.</summary>
    public void Apply(torch.optim.Optimizer optimizer, int step)
    {
        // A constant schedule leaves the rate the optimiser was built with, as it always has.
        if (!Decays) return;
        foreach (var group in optimizer.ParamGroups)
            group.LearningRate = At(step);
    }
}
