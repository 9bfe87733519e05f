using ReproSpecs.Harness;
using ReproSpecs.Harness.Data;
using ReproSpecs.Harness.Runtime;
using Shouldly;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace ReproSpecs.Tests.Data;

/// <summary>
/// The training batch sampler. It runs on <c>arange(L)</c>, so token value = position and every window's
/// content proves where it was cut from.
/// </summary>
public class BatchSamplerTests
{
    private const int Length = 1000, Block = 8, Batch = 6;

    private static Tensor Positions()
    {
        TorchRuntime.EnsureInitialized();
        return torch.arange(Length, dtype: ScalarType.Int64);
    }

    private static List<(long[] X, long[] Y)> Draw(Tensor data, long seed, int batches)
    {
        using var sampler = new BatchSampler(data, Block, Batch, seed);
        var result = new List<(long[], long[])>();
        for (int i = 0; i < batches; i++)
        {
            var (x, y) = sampler.Next();
            using (x)
            using (y)
            {
                x.shape.ShouldBe([Batch, Block]);
                y.shape.ShouldBe([Batch, Block]);
                result.Add((x.data<long>().ToArray(), y.data<long>().ToArray()));
            }
        }
        return result;
    }

    [Fact]
    public void The_same_seed_gives_identical_batches()
    {
        using var data = Positions();
        var a = Draw(data, 42, 5);
        var b = Draw(data, 42, 5);
        for (int i = 0; i < a.Count; i++)
        {
            a[i].X.ShouldBe(b[i].X);
            a[i].Y.ShouldBe(b[i].Y);
        }
    }

    [Fact]
    public void Different_seeds_give_different_batches()
    {
        using var data = Positions();
        var a = Draw(data, 42, 3).SelectMany(p => p.X).ToArray();
        var b = Draw(data, 43, 3).SelectMany(p => p.X).ToArray();
        a.ShouldNotBe(b);
    }

    [Fact]
    public void Consecutive_batches_differ()
    {
        using var data = Positions();
        var batches = Draw(data, 42, 2);
        batches[0].X.ShouldNotBe(batches[1].X);
    }

    [Fact]
    public void Each_row_is_a_contiguous_window_and_its_targets_are_the_window_shifted_by_one()
    {
        using var data = Positions();
        foreach (var (x, y) in Draw(data, 7, 20))
        {
            for (int r = 0; r < Batch; r++)
            {
                long start = x[r * Block];
                start.ShouldBeInRange(0, Length - Block - 1);
                for (int j = 0; j < Block; j++)
                {
                    x[r * Block + j].ShouldBe(start + j);
                    y[r * Block + j].ShouldBe(start + j + 1);
                }
            }
        }
    }

    [Fact]
    public void A_block_not_shorter_than_the_split_is_a_configuration_error()
    {
        TorchRuntime.EnsureInitialized();
        using var data = torch.arange(Block, dtype: ScalarType.Int64);
        var e = Should.Throw<ConfigurationException>(() => new BatchSampler(data, Block, Batch, 1));
        e.Message.ShouldContain("block_size");
    }
}
