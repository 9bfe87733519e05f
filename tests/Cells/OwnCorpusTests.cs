using System.Text;
using ReproSpecs.Harness;
using ReproSpecs.Harness.Cells;
using ReproSpecs.Harness.Data;
using ReproSpecs.Harness.Models;
using ReproSpecs.Harness.Records;
using ReproSpecs.Harness.Results;
using ReproSpecs.Harness.Training;
using ReproSpecs.Tests.Support;
using Shouldly;
using Xunit;

namespace ReproSpecs.Tests.Cells;

/// <summary>
/// A cell trained on a text of the user's own: its vocabulary is derived from the text and recorded, its hash and
/// vocabulary enter the cell's identity, and its results live in a store of their own, apart from Tiny Shakespeare's.
/// </summary>
[Collection(TrainingCollection.Name)]
public sealed class OwnCorpusTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>A small lower-case text (no capitals, no punctuation but the full stop): 28 characters, not 65.</summary>
    private string WriteOwnText()
    {
        var random = new Random(3);
        string[] words = ["river", "stone", "light", "over", "the", "hills", "we", "walk", "and", "sing", "slowly", "home"];
        var text = new StringBuilder();
        while (text.Length < 20_000) text.Append(words[random.Next(words.Length)]).Append(random.Next(8) == 0 ? ".\n" : " ");
        string path = _temp.File("walking-song.txt");
        File.WriteAllText(path, text.ToString());
        return path;
    }

    [Fact]
    public void A_cell_on_ones_own_text_gets_its_own_vocabulary_hash_and_results_folder()
    {
        var corpus = CorpusLoader.Load(new CorpusOptions { ExplicitPath = WriteOwnText() });
        string results = _temp.File("results");
        var store = ResultStore.For(results, corpus);
        using var context = ExperimentContext.Create(TinyExperiment.Profile, corpus);

        var cell = new CellRunner(context, store).Run("charlm", "relu", trials: 2);

        var config = cell.Record.Config;
        config.CorpusSha256.ShouldBe(corpus.Sha256);
        config.Vocabulary.ShouldBe(corpus.Vocabulary.Characters);
        config.VocabSize.ShouldBe(corpus.Vocabulary.Size);
        config.VocabSize.ShouldBeLessThan(CharVocabulary.Size);
        config.ModelConfig().VocabSize.ShouldBe(corpus.Vocabulary.Size, "the model's embedding and head are sized by the text's vocabulary");
        cell.LastProbabilities.ShouldAllBe(p => p!.Length == TinyExperiment.Profile.EvalContexts * corpus.Vocabulary.Size);

        store.Root.ShouldStartWith(Path.Combine(results, ResultStore.CorporaFolder, "walking-song-" + corpus.Sha256[..12]));
        Directory.Exists(store.CellDirectory(config)).ShouldBeTrue();
        new ResultStore(results).CellFiles().ShouldBeEmpty("the study's store does not list cells of another corpus");
        store.CellFiles().Count().ShouldBe(1);

        var study = CellConfigs.For(TinyExperiment.Profile, "charlm", "relu", CorpusLoader.Shipped());
        study.Hash.ShouldNotBe(config.Hash);
        study.Vocabulary.ShouldBeNull("the study's cells keep their hashes: no vocabulary field for the 65 characters");
        ResultStore.For(results, CorpusLoader.Shipped()).Root.ShouldBe(Path.GetFullPath(results));
    }

    [Fact]
    public void A_text_whose_validation_part_is_shorter_than_a_context_gets_one_line_with_the_fix()
    {
        string path = _temp.File("short.txt");
        File.WriteAllText(path, "a short note of my own, far too short to train on.\n");
        var corpus = CorpusLoader.Load(new CorpusOptions { ExplicitPath = path });

        var e = Should.Throw<ConfigurationException>(() => ExperimentContext.Create(TinyExperiment.Profile, corpus));

        e.ShouldBeOneLineMentioning("block_size (16)", "validation text", "Fix:", "longer corpus");
    }
}
