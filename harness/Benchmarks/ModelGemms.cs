using ReproSpecs.Harness.Models;
using TorchSharp.Modules;

namespace ReproSpecs.Harness.Benchmarks;

/// <summary>
/// The matrix products of a model's linear layers in one training step on B·T tokens: per layer the forward product
/// [B·T, in] × [in, out] and the two backward ones (input gradient [B·T, out] × [out, in], weight gradient
/// [out, B·T] × [B·T, in]). Recurrent and convolutional kernels and attention's own products are not included:
/// this is the set of shapes the benchmark measures a ceiling at, not a flop count (that is <see cref="ModelFlops"/>).
/// </summary>
public static class ModelGemms
{
    /// <summary>Distinct shapes of <paramref name="model"/>'s linear layers at <paramref name="batch"/> × <paramref name="blockSize"/> tokens, with counts.</summary>
    public static IReadOnlyList<GemmShape> Of(LanguageModel model, int batch, int blockSize)
    {
        long m = (long)batch * blockSize;
        var products = new List<(long M, long K, long N)>();
        foreach (var linear in model.modules().OfType<Linear>())
        {
            long outFeatures = linear.weight!.shape[0], inFeatures = linear.weight.shape[1];
            products.Add((m, inFeatures, outFeatures));
            products.Add((m, outFeatures, inFeatures));
            products.Add((outFeatures, m, inFeatures));
        }
        return products.GroupBy(p => p).Select(g => new GemmShape(g.Key.M, g.Key.K, g.Key.N, g.Count()))
            .OrderByDescending(s => s.Count * s.Flops).ToList();
    }
}
