using TorchSharp;
using static TorchSharp.torch;

namespace ReproSpecs.Harness.Data;

/// <summary>
/// The batches periodic evaluation averages the loss over: <c>eval_iters</c> batches per split,
/// drawn once per profile from a generator of their own. Fixing them (the study redrew them at every
/// evaluation) makes loss curves of different trials comparable point by point and noise-free.
/// The validation batches lie in the selection part of the validation text (its first tokens), which the
/// scored contexts never touch: they pick the best step, so they must not be the data that step is scored on.
/// </summary>
public sealed class LossBatches : IDisposable
{
    private LossBatches(Tensor trainStarts, Tensor valStarts)
    {
        TrainStarts = trainStarts;
        ValStarts = valStarts;
    }

    /// <summary>Window starts in the training split, [eval_iters, B].</summary>
    public Tensor TrainStarts { get; }

    /// <summary>Window starts in the validation split's selection part, [eval_iters, B].</summary>
    public Tensor ValStarts { get; }

    /// <summary>The starts for <paramref name="split"/>.</summary>
    public Tensor this[Split split] => split == Split.Train ? TrainStarts : ValStarts;

    /// <summary>
    /// Draws the batches for both splits; validation windows (inputs and targets) lie wholly in the first
    /// <paramref name="selectionTokens"/> tokens of the validation split (all of it when null).
    /// </summary>
    public static LossBatches Draw(CharDataset data, int evalIters, int batchSize, int blockSize, long seed, long? selectionTokens = null)
    {
        if (evalIters < 1) throw new ConfigurationException($"eval_iters must be at least 1, got {evalIters}.");
        long valLength = selectionTokens ?? data.ValLength;
        if (valLength > data.ValLength || Windows.StartCount(valLength, blockSize) < 1)
            throw new ConfigurationException($"block_size {blockSize} is not shorter than the selection part of the validation text ({valLength} of {data.ValLength} tokens). Fix: use a smaller block_size or a larger selection_fraction.");
        return new LossBatches(
            DrawStarts(data.TrainLength, evalIters, batchSize, blockSize, seed + 1),
            DrawStarts(valLength, evalIters, batchSize, blockSize, seed + 2));
    }

    private static Tensor DrawStarts(long length, int evalIters, int batchSize, int blockSize, long seed)
    {
        using var generator = new Generator((ulong)seed, torch.CPU);
        return torch.randint(Windows.StartCount(length, blockSize), [evalIters, batchSize], dtype: ScalarType.Int64, generator: generator)
            .DetachFromDisposeScope();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        TrainStarts.Dispose();
        ValStarts.Dispose();
    }
}
