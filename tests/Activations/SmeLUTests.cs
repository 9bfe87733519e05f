using ReproSpecs.Harness.Activations;
using ReproSpecs.Harness.Runtime;
using Shouldly;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace ReproSpecs.Tests.Activations;

/// <summary>SmeLU against its definition: values at the knots and a continuous slope.</summary>
public class SmeLUTests
{
    public static TheoryData<string, double> Betas => new() { { "smelu_05", 0.5 }, { "smelu_1", 1.0 } };

    [Theory]
    [MemberData(nameof(Betas))]
    public void Golden_values_at_the_knots(string name, double beta)
    {
        TorchRuntime.EnsureInitialized();
        // By the definition: 0 at and below −β; (0+β)²/(4β) = β/4 at 0; x itself at and above β.
        double[] x = [-2 * beta, -beta, 0, beta, 2 * beta];
        double[] expected = [0, 0, beta / 4, beta, 2 * beta];

        using var input = torch.tensor(x.Select(v => (float)v).ToArray());
        using var output = ActivationRegistry.Get(name).Function(input);
        var actual = output.data<float>().ToArray();
        for (int i = 0; i < x.Length; i++)
        {
            ((double)actual[i]).ShouldBe(expected[i], 1e-7, $"{name}({x[i]})");
            SmeLU.Reference(x[i], beta).ShouldBe(expected[i], 1e-15, $"reference({x[i]})");
        }
    }

    [Theory]
    [MemberData(nameof(Betas))]
    public void Slope_is_continuous_at_both_knots(string name, double beta)
    {
        var g = OneSidedGradients(ActivationRegistry.Get(name).Function, [-beta, beta]);
        // At −β the slope goes from 0 (flat) to (x+β)/(2β) → 0; at +β from (x+β)/(2β) → 1 to 1.
        g[0].Left.ShouldBe(0, 1e-12);
        g[0].Right.ShouldBe(g[0].Left, 1e-5, $"{name}: one-sided slopes at −β");
        g[1].Right.ShouldBe(1, 1e-12);
        g[1].Left.ShouldBe(g[1].Right, 1e-5, $"{name}: one-sided slopes at +β");
    }

    [Theory]
    [MemberData(nameof(Betas))]
    public void Autograd_slope_at_the_knots_exactly_is_the_float64_derivative(string name, double beta)
    {
        TorchRuntime.EnsureInitialized();
        // Exactly at ±β (not ±β ± ε): both clamped pieces meet there, and each may pass its own slope.
        double[] x = [-2 * beta, -beta, -beta / 2, 0, beta / 2, beta, 2 * beta];
        foreach (var dtype in new[] { ScalarType.Float32, ScalarType.Float64 })
        {
            using var scope = torch.NewDisposeScope();
            var input = torch.tensor(x, dtype: ScalarType.Float64).to(dtype).requires_grad_(true);
            ActivationRegistry.Get(name).Function(input).sum().backward();
            var g = input.grad!.to(ScalarType.Float64).data<double>().ToArray();
            for (int i = 0; i < x.Length; i++)
                g[i].ShouldBe(SmeLU.ReferenceDerivative(x[i], beta), 1e-7, $"{name}'({x[i]}) in {dtype}");
        }
        SmeLU.ReferenceDerivative(-beta, beta).ShouldBe(0);
        SmeLU.ReferenceDerivative(beta, beta).ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(Betas))]
    public void Forward_values_are_bit_identical_to_the_two_clamp_form(string name, double beta)
    {
        TorchRuntime.EnsureInitialized();
        // The knot-gradient fix must not move any forward value, so trained results stay the same.
        using var scope = torch.NewDisposeScope();
        using var generator = new Generator(5);
        var x = torch.cat([torch.randn(10_000, generator: generator) * 2, torch.tensor(new[] { -(float)beta, 0f, (float)beta })]);
        var earlier = (x + beta).clamp(0.0, 2.0 * beta).square().div(4.0 * beta).add((x - beta).clamp_min(0.0));
        ActivationRegistry.Get(name).Function(x).eq(earlier).all().item<bool>().ShouldBeTrue();
    }

    [Fact]
    public void The_same_slope_check_fails_for_relu_at_zero()
    {
        var g = OneSidedGradients(ActivationRegistry.Get("relu").Function, [0]);
        Math.Abs(g[0].Right - g[0].Left).ShouldBe(1, 1e-12, "ReLU's slope jumps from 0 to 1: the check is able to fail");
    }

    [Fact]
    public void Rejects_a_non_positive_beta()
    {
        TorchRuntime.EnsureInitialized();
        using var x = torch.zeros(3);
        Should.Throw<Harness.ConfigurationException>(() => SmeLU.Apply(x, 0)).Message.ShouldContain("beta");
    }

    /// <summary>Autograd slopes at k − ε and k + ε for each knot k, in float64.</summary>
    private static (double Left, double Right)[] OneSidedGradients(Func<Tensor, Tensor> f, double[] knots)
    {
        TorchRuntime.EnsureInitialized();
        const double Epsilon = 1e-6;
        using var scope = torch.NewDisposeScope();
        var x = torch.tensor(knots.SelectMany(k => new[] { k - Epsilon, k + Epsilon }).ToArray(), dtype: ScalarType.Float64, requires_grad: true);
        f(x).sum().backward();
        var g = x.grad!.data<double>().ToArray();
        return knots.Select((_, i) => (g[2 * i], g[2 * i + 1])).ToArray();
    }
}
