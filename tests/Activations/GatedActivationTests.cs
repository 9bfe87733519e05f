using ReproSpecs.Harness.Activations;
using ReproSpecs.Harness.Models;
using ReproSpecs.Harness.Models.Blocks;
using ReproSpecs.Harness.Records;
using ReproSpecs.Harness.Runtime;
using Shouldly;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace ReproSpecs.Tests.Activations;

/// <summary>The GLU family on cases small enough to compute by hand.</summary>
public class GatedActivationTests
{
    // σ(1) = 0.7310585786300049, σ(−2) = 0.11920292202211755, Φ(1) = 0.8413447460685429, Φ(−2) = 0.022750131948179195.
    // Input [a | b] = [1, −2 | 3, 0.5]; output g(a) ⊙ b:
    //   SwiGLU: [1·σ(1)·3, −2·σ(−2)·0.5] = [2.1931757358900147, −0.11920292202211755]
    //   GeGLU:  [1·Φ(1)·3, −2·Φ(−2)·0.5] = [2.5240342382056287, −0.022750131948179195]
    //   ReGLU:  [max(1,0)·3, max(−2,0)·0.5] = [3, 0]
    [Theory]
    [InlineData("swiglu", 2.1931757358900147, -0.11920292202211755)]
    [InlineData("geglu", 2.5240342382056287, -0.022750131948179195)]
    [InlineData("reglu", 3.0, 0.0)]
    public void Gate_multiplies_g_of_the_first_half_by_the_second_half(string name, double first, double second)
    {
        TorchRuntime.EnsureInitialized();
        using var gate = new GatedActivation(ActivationRegistry.Get(name));
        using var input = torch.tensor(new[] { 1.0, -2.0, 3.0, 0.5 }, dtype: ScalarType.Float64).reshape(1, 1, 4);
        using var output = gate.forward(input);
        output.shape.ShouldBe(new long[] { 1, 1, 2 });
        var y = output.data<double>().ToArray();
        y[0].ShouldBe(first, 1e-12);
        y[1].ShouldBe(second, 1e-12);
    }

    [Fact]
    public void Gate_halves_the_last_dimension_and_refuses_an_odd_one()
    {
        TorchRuntime.EnsureInitialized();
        using var gate = new GatedActivation(ActivationRegistry.Get("swiglu"));
        using var even = torch.randn(2, 3, 8);
        using var output = gate.forward(even);
        output.shape.ShouldBe(new long[] { 2, 3, 4 });
        using var odd = torch.randn(2, 3, 7);
        Should.Throw<ArgumentException>(() => gate.forward(odd));
    }

    [Fact]
    public void Gated_feed_forward_with_hand_set_weights_computes_g_of_x_times_x()
    {
        TorchRuntime.EnsureInitialized();
        // C = 2, H = 2, no biases; W = V = I and the output projection is I, so the block is x ↦ Swish(x) ⊙ x.
        using var ff = new FeedForward(2, 2, ActivationRegistry.Get("swiglu"), dropoutP: 0, bias: false);
        var weights = ff.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        weights["c_fc.weight"].shape.ShouldBe(new long[] { 4, 2 }, "a gated block projects C → 2H");
        weights["c_proj.weight"].shape.ShouldBe(new long[] { 2, 2 });
        using (torch.no_grad())
        {
            weights["c_fc.weight"].copy_(torch.tensor(new float[] { 1, 0, 0, 1, 1, 0, 0, 1 }).reshape(4, 2));
            weights["c_proj.weight"].copy_(torch.eye(2));
        }
        using var x = torch.tensor(new float[] { 1, -2 }).reshape(1, 1, 2);
        using var y = ff.forward(x);
        var v = y.data<float>().ToArray();
        // Swish(1)·1 = σ(1) = 0.7310585786; Swish(−2)·(−2) = 4σ(−2) = 0.4768116881.
        ((double)v[0]).ShouldBe(0.7310585786300049, 1e-6);
        ((double)v[1]).ShouldBe(0.4768116880884702, 1e-6);
    }

    [Theory]
    [InlineData(GatedWidthRule.Parity, "swiglu", 1536, 1024)]
    [InlineData(GatedWidthRule.Same, "swiglu", 1536, 1536)]
    [InlineData(GatedWidthRule.Parity, "relu", 1536, 1536)]
    [InlineData(GatedWidthRule.Parity, "geglu", 128, 85)]
    public void Hidden_width_rule(GatedWidthRule rule, string activation, int ungated, int expected)
    {
        var config = new ModelConfig { NEmbd = 8, NHead = 1, NLayer = 1, BlockSize = 4, Activation = activation, GatedWidth = rule };
        config.FeedForwardWidth(ungated).ShouldBe(expected);
    }
}
