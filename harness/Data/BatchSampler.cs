using TorchSharp;
using static TorchSharp.torch;

namespace ReproSpecs.Harness.Data;

/// <summary>
/// Draws training batches — B random windows of length T, with replacement, as nanoGPT's
/// <c>get_batch</c> — from a generator of its own, so the data order depends on the data seed only
/// (never on initialisation or dropout).
/// </summary>
public sealed class BatchSampler : IDisposable
{
    private readonly Tensor _data;
    private readonly int _blockSize;
    private readonly int _batchSize;
    private readonly Generator _generator;

    /// <summary>Creates a sampler over <paramref name="data"/> seeded with <paramref name="seed"/>.</summary>
    public BatchSampler(Tensor data, int blockSize, int batchSize, long seed)
    {
        if (Windows.StartCount(data.shape[0], blockSize) < 1)
            throw new ConfigurationException($"block_size {blockSize} is not shorter than the split ({data.shape[0]} tokens). Fix: use a smaller block_size.");
        _data = data;
        _blockSize = blockSize;
        _batchSize = batchSize;
        _generator = new Generator((ulong)seed, torch.CPU);
    }

    /// <summary>The next batch: inputs and targets, both [B, T] int64 on the data's device.</summary>
    public (Tensor X, Tensor Y) Next()
    {
        using var starts = torch.randint(Windows.StartCount(_data.shape[0], _blockSize), [_batchSize], dtype: ScalarType.Int64, generator: _generator);
        return Windows.Gather(_data, starts, _blockSize);
    }

    /// <inheritdoc />
    public void Dispose() => _generator.Dispose();
}
