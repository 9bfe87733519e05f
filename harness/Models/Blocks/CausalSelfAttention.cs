using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace ReproSpecs.Harness.Models.Blocks;

/// <summary>
/// Multi-head causal self-attention with a fused QKV projection and libtorch's scaled-dot-product
/// attention (causal mask inside the kernel; no T×T mask tensor is built).
/// </summary>
public sealed class CausalSelfAttention : nn.Module<Tensor, Tensor>
{
    private readonly Linear c_attn;
    private readonly Linear c_proj;
    private readonly nn.Module<Tensor, Tensor> resid_dropout;
    private readonly int _nHead;
    private readonly double _dropout;

    /// <summary>Creates the layer.</summary>
    /// <param name="nEmbd">Width C.</param>
    /// <param name="nHead">Heads; C/nHead is the head size.</param>
    /// <param name="dropout">Dropout on attention weights and on the output.</param>
    /// <param name="bias">Whether the projections have biases.</param>
    public CausalSelfAttention(int nEmbd, int nHead, double dropout, bool bias = true) : base(nameof(CausalSelfAttention))
    {
        _nHead = nHead;
        _dropout = dropout;
        c_attn = nn.Linear(nEmbd, 3 * nEmbd, hasBias: bias);
        c_proj = nn.Linear(nEmbd, nEmbd, hasBias: bias);
        resid_dropout = Layers.Dropout(dropout);
        RegisterComponents();
    }

    /// <summary>Parameters of one layer: 4C² (+4C with biases).</summary>
    public static long ParameterCount(long c, bool bias = true) => 4 * c * c + (bias ? 4 * c : 0);

    /// <inheritdoc />
    public override Tensor forward(Tensor x)
    {
        using var scope = torch.NewDisposeScope();
        long b = x.shape[0], t = x.shape[1], c = x.shape[2];
        var qkv = c_attn.forward(x).view(b, t, 3, _nHead, c / _nHead).permute(2, 0, 3, 1, 4); // [3, B, nh, T, hs]
        var y = F.scaled_dot_product_attention(qkv[0], qkv[1], qkv[2], p: training ? _dropout : 0.0, is_casual: true);
        y = y.transpose(1, 2).reshape(b, t, c);
        return resid_dropout.forward(c_proj.forward(y)).MoveToOuterDisposeScope();
    }
}
