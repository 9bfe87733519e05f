using ReproSpecs.Harness.Data;
using ReproSpecs.Tests.Support;
using Shouldly;
using TorchSharp;
using Xunit;

namespace ReproSpecs.Tests.Data;

/// <summary>The tokenised corpus and its contiguous 90/10 split.</summary>
public class CharDatasetTests
{
    [SkippableFact]
    public void The_real_corpus_splits_into_1003854_training_and_111540_validation_tokens()
    {
        var corpus = RealCorpus.Require();
        using var data = CharDataset.From(corpus, torch.CPU);

        data.TrainLength.ShouldBe(1_003_854);
        data.ValLength.ShouldBe(111_540);
        data.Train.shape.ShouldBe([1_003_854L]);
        data.Val.shape.ShouldBe([111_540L]);
        data.Tokens.Length.ShouldBe(TinyShakespeare.Length);
    }

    [Fact]
    public void The_split_is_contiguous_train_first_then_validation()
    {
        byte[] tokens = SyntheticCorpus.Tokens(1000);
        using var data = CharDataset.From(tokens, torch.CPU);

        data.TrainLength.ShouldBe(900);
        data.ValLength.ShouldBe(100);
        data.Train.data<long>().ToArray().ShouldBe(tokens[..900].Select(b => (long)b).ToArray());
        data.Val.data<long>().ToArray().ShouldBe(tokens[900..].Select(b => (long)b).ToArray());
        data[Split.Train].ShouldBeSameAs(data.Train);
        data[Split.Val].ShouldBeSameAs(data.Val);
    }

    [Fact]
    public void Unigram_entropy_of_the_validation_text_is_computed_on_the_validation_part_only()
    {
        // Train: one character only; validation: two characters equally often → ln 2.
        byte[] tokens = [.. Enumerable.Repeat((byte)7, 90), .. Enumerable.Range(0, 10).Select(i => (byte)(i % 2))];
        using var data = CharDataset.From(tokens, torch.CPU);
        data.ValidationUnigramEntropy().ShouldBe(Math.Log(2), 1e-12);

        // Four characters equally often → ln 4; one character → 0.
        byte[] four = [.. new byte[900], .. Enumerable.Range(0, 100).Select(i => (byte)(i % 4))];
        using var data4 = CharDataset.From(four, torch.CPU);
        data4.ValidationUnigramEntropy().ShouldBe(Math.Log(4), 1e-12);

        using var data1 = CharDataset.From(new byte[100], torch.CPU);
        data1.ValidationUnigramEntropy().ShouldBe(0);
    }
}
