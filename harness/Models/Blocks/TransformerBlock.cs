using ReproSpecs.Harness.Activations;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ReproSpecs.Harness.Models.Blocks;

/// <summary>A pre-LayerNorm transformer block: <c>x + attn(ln₁(x))</c>, then <c>x + mlp(ln₂(x))</c>.</summary>
public sealed class TransformerBlock : nn.Module<Tensor, Tensor>
{
    private readonly LayerNorm ln_1;
    private readonly CausalSelfAttention attn;
    private readonly LayerNorm ln_2;
    private readonly FeedForward mlp;

    /// <summary>Creates the block.</summary>
    public TransformerBlock(int nEmbd, int nHead, int hidden, ActivationSpec activation, double dropout, bool bias = true)
        : base(nameof(TransformerBlock))
    {
        ln_1 = nn.LayerNorm(nEmbd);
        attn = new CausalSelfAttention(nEmbd, nHead, dropout, bias);
        ln_2 = nn.LayerNorm(nEmbd);
        mlp = new FeedForward(nEmbd, hidden, activation, dropout, bias);
        RegisterComponents();
    }

    /// <summary>Parameters of one block (two LayerNorms, attention, feed-forward).</summary>
    public static long ParameterCount(long c, long hidden, bool gated, bool bias = true) =>
        2 * 2 * c + CausalSelfAttention.ParameterCount(c, bias) + FeedForward.ParameterCount(c, hidden, gated, bias);

    /// <inheritdoc />
    public override Tensor forward(Tensor x)
    {
        using var scope = torch.NewDisposeScope();
        x = x + attn.forward(ln_1.forward(x));
        x = x + mlp.forward(ln_2.forward(x));
        return x.MoveToOuterDisposeScope();
    }
}
