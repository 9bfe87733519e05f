using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ReproSpecs.Harness.Models.Blocks;

/// <summary>
/// GPT-style input: token embedding plus learned position embedding, optionally dropped out
/// (MiniGPT). Shared by the three transformers.
/// </summary>
public sealed class TokenPositionEmbedding : nn.Module<Tensor, Tensor>
{
    private readonly Embedding wte;
    private readonly Embedding wpe;
    private readonly nn.Module<Tensor, Tensor> drop;

    /// <summary>Creates the embeddings (V×C tokens, T×C positions).</summary>
    public TokenPositionEmbedding(int vocabSize, int blockSize, int nEmbd, double dropout = 0.0) : base(nameof(TokenPositionEmbedding))
    {
        wte = nn.Embedding(vocabSize, nEmbd);
        wpe = nn.Embedding(blockSize, nEmbd);
        drop = Layers.Dropout(dropout);
        RegisterComponents();
    }

    /// <summary>Parameters: V·C + T·C.</summary>
    public static long ParameterCount(long vocabSize, long blockSize, long nEmbd) => (vocabSize + blockSize) * nEmbd;

    /// <summary>Sets the position embeddings to zero (call after initialisation).</summary>
    public void ZeroPositions()
    {
        using var _ = torch.no_grad();
        nn.init.zeros_(wpe.weight);
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor idx)
    {
        using var scope = torch.NewDisposeScope();
        var pos = torch.arange(idx.shape[1], dtype: ScalarType.Int64, device: idx.device);
        return drop.forward(wte.forward(idx) + wpe.forward(pos)).MoveToOuterDisposeScope();
    }
}
