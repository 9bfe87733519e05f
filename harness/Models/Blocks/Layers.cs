using TorchSharp;
using static TorchSharp.torch;

namespace ReproSpecs.Harness.Models.Blocks;

/// <summary>Small layer factories and parameter counts shared by every model.</summary>
public static class Layers
{
    /// <summary>Dropout with probability <paramref name="p"/>, or an identity when p is 0 (no op, no RNG draw).</summary>
    public static nn.Module<Tensor, Tensor> Dropout(double p) => p > 0 ? nn.Dropout(p) : nn.Identity();

    /// <summary>Parameters of one LayerNorm of width <paramref name="c"/>: a gain, and a bias unless bias-free.</summary>
    public static long LayerNormParameters(long c, bool bias = true) => bias ? 2 * c : c;

    /// <summary>Parameters of a linear map <paramref name="input"/> → <paramref name="output"/>.</summary>
    public static long LinearParameters(long input, long output, bool bias = true) => input * output + (bias ? output : 0);
}
