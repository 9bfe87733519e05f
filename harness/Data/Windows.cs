using TorchSharp;
using static TorchSharp.torch;

namespace ReproSpecs.Harness.Data;

/// <summary>Gathers fixed-length windows of a token tensor by their start positions, in one indexing op.</summary>
public static class Windows
{
    /// <summary>
    /// Inputs <c>data[s..s+T]</c> and next-token targets <c>data[s+1..s+T+1]</c> for every start
    /// <c>s</c> in <paramref name="starts"/> (any shape; the window axis is appended).
    /// </summary>
    public static (Tensor X, Tensor Y) Gather(Tensor data, Tensor starts, int blockSize)
    {
        using var scope = torch.NewDisposeScope();
        var offsets = torch.arange(blockSize, dtype: ScalarType.Int64, device: data.device);
        var index = starts.to(data.device).unsqueeze(-1) + offsets;
        var x = data[index];
        var y = data[index + 1];
        return (x.MoveToOuterDisposeScope(), y.MoveToOuterDisposeScope());
    }

    /// <summary>Number of valid window starts in a split of <paramref name="length"/> tokens.</summary>
    public static long StartCount(long length, int blockSize) => length - blockSize;
}
