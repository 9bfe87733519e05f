using ReproSpecs.Harness.Activations;
using ReproSpecs.Harness.Records;

namespace ReproSpecs.Harness.Models;

/// <summary>Everything that shapes a model. Validated before any weight is created.</summary>
public sealed record ModelConfig
{
    /// <summary>Vocabulary size V (65 for Tiny Shakespeare).</summary>
    public int VocabSize { get; init; } = Data.CharVocabulary.Size;

    /// <summary>Embedding width C (n_embd).</summary>
    public required int NEmbd { get; init; }

    /// <summary>Attention heads (n_head); C must be divisible by it.</summary>
    public required int NHead { get; init; }

    /// <summary>Layers (n_layer): transformer blocks, LSTM layers, or conv stacks, per model.</summary>
    public required int NLayer { get; init; }

    /// <summary>Context length T (block_size).</summary>
    public required int BlockSize { get; init; }

    /// <summary>Dropout probability in [0, 1).</summary>
    public double Dropout { get; init; } = 0.2;

    /// <summary>Registry name of the activation.</summary>
    public required string Activation { get; init; }

    /// <summary>Hidden-width rule for gated activations (SwiGLU, GeGLU, ReGLU).</summary>
    public GatedWidthRule GatedWidth { get; init; } = GatedWidthRule.Parity;

    /// <summary>The activation's registry entry.</summary>
    public ActivationSpec ActivationSpec => ActivationRegistry.Get(Activation);

    /// <summary>
    /// Hidden width of a feed-forward block whose ungated width is <paramref name="ungatedWidth"/>:
    /// unchanged for elementwise activations; for gated ones, per <see cref="GatedWidth"/>.
    /// </summary>
    public int FeedForwardWidth(int ungatedWidth) =>
        ActivationSpec.IsGated && GatedWidth == GatedWidthRule.Parity
            ? (int)Math.Round(2.0 * ungatedWidth / 3.0, MidpointRounding.AwayFromZero)
            : ungatedWidth;

    /// <summary>Checks every field; throws a <see cref="ConfigurationException"/> naming the first bad one.</summary>
    public void Validate()
    {
        if (VocabSize < 2) throw new ConfigurationException($"vocab_size must be at least 2, got {VocabSize}.");
        if (NEmbd < 1) throw new ConfigurationException($"n_embd must be positive, got {NEmbd}.");
        if (NHead < 1) throw new ConfigurationException($"n_head must be positive, got {NHead}.");
        if (NEmbd % NHead != 0)
            throw new ConfigurationException($"n_embd ({NEmbd}) must be divisible by n_head ({NHead}). Fix: choose n_head among the divisors of n_embd.");
        if (NLayer < 1) throw new ConfigurationException($"n_layer must be positive, got {NLayer}.");
        if (BlockSize < 1) throw new ConfigurationException($"block_size must be positive, got {BlockSize}.");
        if (!(Dropout >= 0 && Dropout < 1)) throw new ConfigurationException($"dropout must be in [0, 1), got {Dropout}.");
        _ = ActivationSpec; // throws with the list of known names
    }
}
