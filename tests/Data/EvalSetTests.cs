using ReproSpecs.Harness;
using ReproSpecs.Harness.Data;
using ReproSpecs.Tests.Support;
using Shouldly;
using TorchSharp;
using Xunit;

namespace ReproSpecs.Tests.Data;

/// <summary>The fixed evaluation contexts and the fixed periodic-evaluation loss batches.</summary>
public sealed class EvalSetTests : IDisposable
{
    private const int Count = 40, Block = 16;
    private readonly byte[] _tokens = SyntheticCorpus.Tokens(5000);
    private readonly CharDataset _data;

    public EvalSetTests() => _data = CharDataset.From(_tokens, torch.CPU);

    public void Dispose() => _data.Dispose();

    private static long[] Values(torch.Tensor t) => t.data<long>().ToArray();

    [Fact]
    public void The_same_seed_draws_the_same_contexts_and_fingerprint()
    {
        using var a = EvalSet.Draw(_data, Count, Block, 1337);
        using var b = EvalSet.Draw(_data, Count, Block, 1337);

        a.Fingerprint.ShouldBe(b.Fingerprint);
        a.Starts.ShouldBe(b.Starts);
        Values(a.Contexts).ShouldBe(Values(b.Contexts));
        Values(a.Targets).ShouldBe(Values(b.Targets));
        a.LastTargets.ShouldBe(b.LastTargets);
        a.Count.ShouldBe(Count);
        a.Seed.ShouldBe(1337);
    }

    [Fact]
    public void A_different_seed_draws_different_contexts_and_fingerprint()
    {
        using var a = EvalSet.Draw(_data, Count, Block, 1337);
        using var b = EvalSet.Draw(_data, Count, Block, 1338);

        b.Fingerprint.ShouldNotBe(a.Fingerprint);
        b.Starts.ShouldNotBe(a.Starts);
    }

    [Fact]
    public void The_fingerprint_depends_on_the_block_size()
    {
        using var a = EvalSet.Draw(_data, Count, Block, 1337);
        using var b = EvalSet.Draw(_data, Count, Block + 1, 1337);
        b.Fingerprint.ShouldNotBe(a.Fingerprint);
    }

    [Fact]
    public void Every_window_lies_in_the_validation_split_with_its_next_token_targets()
    {
        using var set = EvalSet.Draw(_data, Count, Block, 1337);
        long[] x = Values(set.Contexts), y = Values(set.Targets);
        set.Contexts.shape.ShouldBe([Count, Block]);

        for (int n = 0; n < Count; n++)
        {
            long s = set.Starts[n];
            s.ShouldBeInRange(0, _data.ValLength - Block - 1);
            int at = _data.TrainLength + (int)s;
            x[(n * Block)..((n + 1) * Block)].ShouldBe(_tokens[at..(at + Block)].Select(t => (long)t).ToArray());
            y[(n * Block)..((n + 1) * Block)].ShouldBe(_tokens[(at + 1)..(at + Block + 1)].Select(t => (long)t).ToArray());
            set.LastTargets[n].ShouldBe(_tokens[at + Block]);
        }
    }

    [Fact]
    public void Bad_sizes_are_configuration_errors()
    {
        Should.Throw<ConfigurationException>(() => EvalSet.Draw(_data, 0, Block, 1)).Message.ShouldContain("eval_contexts");
        Should.Throw<ConfigurationException>(() => EvalSet.Draw(_data, Count, _data.ValLength, 1)).Message.ShouldContain("block_size");
    }

    [Fact]
    public void Loss_batches_are_deterministic_in_their_seed_and_lie_in_their_splits()
    {
        const int iters = 3, batch = 5;
        using var a = LossBatches.Draw(_data, iters, batch, Block, 1337);
        using var b = LossBatches.Draw(_data, iters, batch, Block, 1337);
        using var c = LossBatches.Draw(_data, iters, batch, Block, 1338);

        a.TrainStarts.shape.ShouldBe([iters, batch]);
        a.ValStarts.shape.ShouldBe([iters, batch]);
        Values(a.TrainStarts).ShouldBe(Values(b.TrainStarts));
        Values(a.ValStarts).ShouldBe(Values(b.ValStarts));
        Values(c.TrainStarts).ShouldNotBe(Values(a.TrainStarts));
        Values(c.ValStarts).ShouldNotBe(Values(a.ValStarts));
        Values(a.TrainStarts).ShouldAllBe(s => s >= 0 && s < _data.TrainLength - Block);
        Values(a.ValStarts).ShouldAllBe(s => s >= 0 && s < _data.ValLength - Block);
        a[Split.Train].ShouldBeSameAs(a.TrainStarts);
        a[Split.Val].ShouldBeSameAs(a.ValStarts);
    }

    [Fact]
    public void Loss_batches_need_at_least_one_iteration()
    {
        Should.Throw<ConfigurationException>(() => LossBatches.Draw(_data, 0, 4, Block, 1)).Message.ShouldContain("eval_iters");
    }
}
