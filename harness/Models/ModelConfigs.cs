using ReproSpecs.Harness.Records;

namespace ReproSpecs.Harness.Models;

/// <summary>The one way a <see cref="ModelConfig"/> is made from run settings.</summary>
public static class ModelConfigs
{
    /// <summary>The model of <paramref name="cell"/>: its profile's shape, its activation and its corpus's vocabulary.</summary>
    public static ModelConfig ModelConfig(this CellConfig cell) => For(cell.Settings, cell.Activation, cell.VocabSize);

    /// <summary>The model of <paramref name="profile"/> with <paramref name="activation"/> over <paramref name="vocabSize"/> tokens.</summary>
    public static ModelConfig For(Profile profile, string activation, int vocabSize = Data.CharVocabulary.Size) => new()
    {
        VocabSize = vocabSize, NEmbd = profile.NEmbd, NHead = profile.NHead, NLayer = profile.NLayer, BlockSize = profile.BlockSize,
        Dropout = profile.Dropout, Activation = activation, GatedWidth = profile.GatedWidth,
    };
}
