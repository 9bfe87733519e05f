using TorchSharp;
using static TorchSharp.torch;

namespace ReproSpecs.Harness.Data;

/// <summary>
/// The tokenised corpus and its contiguous 90/10 split, held once as int64 tensors on the training
/// device so batches are gathered by index with no per-step host copies.
/// </summary>
public sealed class CharDataset : IDisposable
{
    private CharDataset(byte[] tokens, int vocabSize, Device device)
    {
        Tokens = tokens;
        VocabSize = vocabSize;
        TrainLength = CorpusSplit.TrainLength(tokens.Length);
        ValLength = tokens.Length - TrainLength;
        Device = device;
        using var all = torch.tensor(tokens.Select(b => (long)b).ToArray(), dtype: ScalarType.Int64);
        Train = all[..TrainLength].to(device).DetachFromDisposeScope();
        Val = all[TrainLength..].to(device).DetachFromDisposeScope();
    }

    /// <summary>Token ids of the whole corpus.</summary>
    public byte[] Tokens { get; }

    /// <summary>Vocabulary size V of the tokens.</summary>
    public int VocabSize { get; }

    /// <summary>Number of training tokens (1,003,854 for Tiny Shakespeare).</summary>
    public int TrainLength { get; }

    /// <summary>Number of validation tokens (111,540 for Tiny Shakespeare).</summary>
    public int ValLength { get; }

    /// <summary>The device the split tensors live on.</summary>
    public Device Device { get; }

    /// <summary>Training tokens, int64, on <see cref="Device"/>.</summary>
    public Tensor Train { get; }

    /// <summary>Validation tokens, int64, on <see cref="Device"/>.</summary>
    public Tensor Val { get; }

    /// <summary>The split tensor for <paramref name="split"/>.</summary>
    public Tensor this[Split split] => split == Split.Train ? Train : Val;

    /// <summary>Tokenises <paramref name="corpus"/> and puts both splits on <paramref name="device"/>.</summary>
    public static CharDataset From(Corpus corpus, Device device) => From(corpus.Vocabulary.Encode(corpus.Text), device, corpus.Vocabulary.Size);

    /// <summary>Builds the dataset from token ids below <paramref name="vocabSize"/> (tests use short synthetic texts).</summary>
    public static CharDataset From(byte[] tokens, Device device, int vocabSize = CharVocabulary.Size)
    {
        Runtime.TorchRuntime.EnsureInitialized();
        return new CharDataset(tokens, vocabSize, device);
    }

    /// <summary>
    /// Unigram entropy of the validation text in nats: the loss of a model that ignores context.
    /// A model that learned anything must beat it clearly.
    /// </summary>
    public double ValidationUnigramEntropy()
    {
        var counts = new long[VocabSize];
        for (int i = TrainLength; i < Tokens.Length; i++) counts[Tokens[i]]++;
        double n = ValLength, h = 0;
        foreach (long c in counts)
            if (c > 0) h -= c / n * Math.Log(c / n);
        return h;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Train.Dispose();
        Val.Dispose();
    }
}

