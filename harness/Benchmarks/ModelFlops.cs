using ReproSpecs.Harness.Models;
using TorchSharp.Modules;

namespace ReproSpecs.Harness.Benchmarks;

/// <summary>
/// Floating-point work of one training step, the usual way (Kaplan et al.; nanoGPT's MFU):
/// <code>
///   flops/step = 6 · P_mm · B·T  +  12 · L_attn · B · T² · C
/// </code>
/// where P_mm counts the parameters used in matrix products (all but embedding tables, which are
/// lookups), 6 = 2 (multiply-add) × 3 (forward + two backward products), and the second term is
/// attention's QKᵀ and AV products (4·B·T²·C forward per attention layer, ×3 with backward; the
/// causal half is not subtracted because the kernel computes the full square).
/// </summary>
public static class ModelFlops
{
    /// <summary>Parameters that take part in matrix products (embedding tables excluded).</summary>
    public static long MatmulParameters(LanguageModel model) =>
        model.ParameterCount() - model.modules().OfType<Embedding>().Sum(e => e.weight!.numel());

    /// <summary>Self-attention layers of the model (counted by their <c>CausalSelfAttention</c> modules).</summary>
    public static int AttentionLayers(LanguageModel model) =>
        model.modules().Count(m => m is Models.Blocks.CausalSelfAttention);

    /// <summary>Flops of one training step on a batch of <paramref name="batch"/> windows of <paramref name="blockSize"/>.</summary>
    public static double TrainingStep(LanguageModel model, int batch, int blockSize)
    {
        double tokens = (double)batch * blockSize;
        return 6.0 * MatmulParameters(model) * tokens
             + 12.0 * AttentionLayers(model) * batch * (double)blockSize * blockSize * model.Config.NEmbd;
    }
}
