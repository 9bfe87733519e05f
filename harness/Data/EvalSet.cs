using System.Security.Cryptography;
using TorchSharp;
using static TorchSharp.torch;

namespace ReproSpecs.Harness.Data;

/// <summary>
/// The fixed evaluation contexts every trial is scored on: N validation windows drawn once from a
/// generator of their own (never the training generator), identical for every trial, activation and
/// model of a profile. Trials are only comparable when their <see cref="Fingerprint"/>s match.
/// </summary>
public sealed class EvalSet : IDisposable
{
    private EvalSet(long[] starts, int blockSize, long seed, Tensor contexts, Tensor targets, int[] lastTargets)
    {
        Starts = starts;
        BlockSize = blockSize;
        Seed = seed;
        Contexts = contexts;
        Targets = targets;
        LastTargets = lastTargets;
        Fingerprint = ComputeFingerprint(starts, blockSize);
    }

    /// <summary>Start offsets of the windows within the validation split.</summary>
    public IReadOnlyList<long> Starts { get; }

    /// <summary>Number of contexts N.</summary>
    public int Count => Starts.Count;

    /// <summary>Window length T.</summary>
    public int BlockSize { get; }

    /// <summary>The seed the windows were drawn with.</summary>
    public long Seed { get; }

    /// <summary>Input windows, [N, T] int64.</summary>
    public Tensor Contexts { get; }

    /// <summary>Next-token targets, [N, T] int64.</summary>
    public Tensor Targets { get; }

    /// <summary>The true next token after each full window (the position the study scores).</summary>
    public IReadOnlyList<int> LastTargets { get; }

    /// <summary>SHA-256 over (T, starts): two trials were scored on the same contexts iff these match.</summary>
    public string Fingerprint { get; }

    /// <summary>
    /// Draws <paramref name="count"/> windows of <paramref name="blockSize"/> from the validation split, at or
    /// after token <paramref name="firstToken"/> (the scoring part; the tokens before it select the best step,
    /// so the contexts that are scored never chose the weights that are scored).
    /// </summary>
    public static EvalSet Draw(CharDataset data, int count, int blockSize, long seed, long firstToken = 0)
    {
        if (count < 1) throw new ConfigurationException($"eval_contexts must be at least 1, got {count}.");
        long length = data.ValLength - firstToken;
        if (firstToken < 0 || Windows.StartCount(length, blockSize) < 1)
            throw new ConfigurationException($"block_size {blockSize} is not shorter than the scored part of the validation text ({length} tokens from token {firstToken}). Fix: use a smaller block_size or a smaller selection_fraction.");
        using var generator = new Generator((ulong)seed, torch.CPU);
        using var drawn = torch.randint(Windows.StartCount(length, blockSize), [count], dtype: ScalarType.Int64, generator: generator);
        using var starts = drawn + firstToken;
        var (x, y) = Windows.Gather(data.Val, starts, blockSize);
        using var last = y[.., -1].to(torch.CPU);
        int[] lastTargets = last.data<long>().Select(v => (int)v).ToArray();
        return new EvalSet(starts.data<long>().ToArray(), blockSize, seed, x.DetachFromDisposeScope(), y.DetachFromDisposeScope(), lastTargets);
    }

    private static string ComputeFingerprint(long[] starts, int blockSize)
    {
        var bytes = new byte[8 * (starts.Length + 1)];
        BitConverter.TryWriteBytes(bytes.AsSpan(0, 8), (long)blockSize);
        Buffer.BlockCopy(starts, 0, bytes, 8, 8 * starts.Length);
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Contexts.Dispose();
        Targets.Dispose();
    }
}
