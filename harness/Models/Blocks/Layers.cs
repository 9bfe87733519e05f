using TorchSharp;
using static TorchSharp.torch;

namespace ReproSpecs.Harness.Models.Blocks;

/// <summary>Small layer factories shared by every model.</summary>
public static class Layers
{
    /// <summary>Dropout with probability <paramref name="p"/>, or an identity when p is 0 (no op, no RNG draw).</summary>
    public static nn.Module<Tensor, Tensor> Dropout(double p) => p > 0 ? nn.Dropout(p) : nn.Identity();
}
