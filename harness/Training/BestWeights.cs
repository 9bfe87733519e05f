using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ReproSpecs.Harness.Training;

/// <summary>
/// A copy of the weights at the periodic evaluation with the lowest validation loss so far (nanoGPT's
/// <c>best_val_loss</c> checkpoint, kept in memory), restored into the model to score the best weights.
/// </summary>
internal sealed class BestWeights : IDisposable
{
    private readonly IReadOnlyList<Parameter> _parameters;
    private readonly List<Tensor> _snapshot;

    /// <summary>Snapshots <paramref name="parameters"/> as they are now (the step-0 weights until a better step).</summary>
    public BestWeights(IReadOnlyList<Parameter> parameters)
    {
        _parameters = parameters;
        _snapshot = parameters.Select(p => p.detach().clone()).ToList();
    }

    /// <summary>The step of the best weights (0 until an evaluation improves on infinity).</summary>
    public int Step { get; private set; }

    /// <summary>Their validation loss (infinity before any evaluation).</summary>
    public double ValLoss { get; private set; } = double.PositiveInfinity;

    /// <summary>
    /// Keeps the current weights when <paramref name="valLoss"/> is strictly lower than the best so far;
    /// on a tie the earlier step stays. Returns whether they were kept.
    /// </summary>
    public bool Offer(int step, double valLoss)
    {
        if (!(valLoss < ValLoss)) return false;
        ValLoss = valLoss;
        Step = step;
        Copy(_parameters, _snapshot);
        return true;
    }

    /// <summary>Writes the best weights back into the model's parameters.</summary>
    public void Restore() => Copy(_snapshot, _parameters);

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var s in _snapshot) s.Dispose();
    }

    private static void Copy(IReadOnlyList<Tensor> from, IReadOnlyList<Tensor> to)
    {
        // In place, without autograd: the parameters keep their identity (the optimiser holds them).
        using var noGrad = torch.no_grad();
        for (int i = 0; i < from.Count; i++) to[i].copy_(from[i]);
    }
}
