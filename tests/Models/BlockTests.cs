using ReproSpecs.Harness.Models.Blocks;
using ReproSpecs.Harness.Runtime;
using Shouldly;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace ReproSpecs.Tests.Models;

/// <summary>The shared blocks on inputs small enough to reason about by hand.</summary>
[Collection(TorchGlobalState.Name)]
public class BlockTests
{
    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 5)]
    [InlineData(4, 3)]
    public void Causal_convolution_spreads_an_impulse_only_forward_in_dilation_steps(int dilation, int impulseAt)
    {
        TorchRuntime.EnsureInitialized();
        torch.manual_seed(0);
        using var conv = new CausalConv1d(1, 1, kernelSize: 3, dilation);
        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        const int T = 16;
        var zero = conv.forward(torch.zeros(1, T, 1));
        var impulse = torch.zeros(1, T, 1);
        impulse[0, impulseAt, 0] = torch.tensor(1f);
        var response = (conv.forward(impulse) - zero).reshape(T).data<float>().ToArray();

        response.Length.ShouldBe(T, "left padding keeps the length");
        var touched = Enumerable.Range(0, T).Where(t => response[t] != 0).ToArray();
        touched.ShouldBe(new[] { impulseAt, impulseAt + dilation, impulseAt + 2 * dilation }.Where(t => t < T).ToArray());
        conv.ReachBack.ShouldBe(2 * dilation);
    }

    [Fact]
    public void Lstm_stack_parameter_formula_matches_libtorch()
    {
        TorchRuntime.EnsureInitialized();
        foreach (var (input, hidden, layers) in new[] { (16L, 16L, 1L), (16L, 16L, 3L), (8L, 12L, 2L) })
        {
            using var lstm = new LstmStack(input, hidden, layers, dropout: 0.2);
            lstm.parameters().Sum(p => p.numel()).ShouldBe(LstmStack.ParameterCount(input, hidden, layers));
        }
    }

    [Fact]
    public void Causal_convolution_rejects_a_zero_dilation() =>
        Should.Throw<Harness.ConfigurationException>(() => new CausalConv1d(4, 4, 3, 0)).Message.ShouldContain("dilation");
}
