using TorchSharp;
using static TorchSharp.torch;

namespace ReproSpecs.Harness.Models;

/// <summary>
/// A next-character model: token ids [B, T] (int64) in, logits [B, T, V] out, where position t
/// may depend on tokens 0..t only.
/// </summary>
public abstract class LanguageModel : nn.Module<Tensor, Tensor>
{
    /// <summary>Creates the model with its configuration (already validated by the caller).</summary>
    protected LanguageModel(string name, ModelConfig config) : base(name) => Config = config;

    /// <summary>The configuration the model was built from.</summary>
    public ModelConfig Config { get; }

    /// <summary>Number of trainable scalars.</summary>
    public long ParameterCount() => parameters().Sum(p => p.numel());
}
