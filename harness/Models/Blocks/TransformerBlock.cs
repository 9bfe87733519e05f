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
    /// <param name="nEmbd">Width C.</param>
    /// <param name="nHead">Attention heads.</param>
    /// <param name="hidden">Feed-forward hidden width H (already adjusted for gated activations).</param>
    /// <param name="activation">The feed-forward's activation.</param>
    /// <param name="dropout">Dropout in attention and on both residual branches.</param>
    /// <param name="bias">Whether projections and LayerNorms have biases (false: NanoTransformer's bias-free layout).</param>
    public TransformerBlock(int nEmbd, int nHead, int hidden, ActivationSpec activation, double dropout, bool bias = true)
        : base(nameof(TransformerBlock))
    {
        ln_1 = nn.LayerNorm(nEmbd, bias: bias);
        attn = new CausalSelfAttention(nEmbd, nHead, dropout, bias);
        ln_2 = nn.LayerNorm(nEmbd, bias: bias);
        mlp = new FeedForward(nEmbd, hidden, activation, dropout, bias);
        RegisterComponents();
    }

    /// <summary>Parameters of one block (two LayerNorms, attention, feed-forward).</summary>
    public static long ParameterCount(long c, long hidden, bool gated, bool bias = true) =>
        2 * Layers.LayerNormParameters(c, bias) + CausalSelfAttention.ParameterCount(c, bias) + FeedForward.ParameterCount(c, hidden, gated, bias);

    /// <inheritdoc />
    public override Tensor forward(Tensor x)
    {
        using var scope = torch.NewDisposeScope();
        x = x + attn.forward(ln_1.forward(x));
        x = x + mlp.forward(ln_2.forward(x));
        return x.MoveToOuterDisposeScope();
    }
}
