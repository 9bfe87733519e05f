using ReproSpecs.Harness.Activations;
using ReproSpecs.Harness.Data;
using ReproSpecs.Harness.Models;
using ReproSpecs.Harness.Records;
using ReproSpecs.Harness.Runtime;

namespace ReproSpecs.Harness.Training;

/// <summary>Builds cell configs from a profile, checking the names against the registries.</summary>
public static class CellConfigs
{
    /// <summary>The cell (<paramref name="model"/>, <paramref name="activation"/>) of <paramref name="profile"/> on <paramref name="corpus"/>.</summary>
    /// <param name="profile">The profile whose settings the cell takes whole.</param>
    /// <param name="model">Architecture name (checked against the registry).</param>
    /// <param name="activation">Activation name (checked against the registry).</param>
    /// <param name="corpus">The corpus: its SHA-256 and, unless it is the study's, its vocabulary.</param>
    /// <param name="threads">libtorch threads of a CPU cell; default: the runtime's current count.</param>
    public static CellConfig For(Profile profile, string model, string activation, Corpus corpus, int? threads = null) =>
        For(profile, model, activation, corpus.Sha256, corpus.Vocabulary.Equals(Vocabulary.TinyShakespeare) ? null : corpus.Vocabulary.Characters, threads);

    /// <summary>The cell of a corpus given by its SHA-256 and, unless it is the study's, its vocabulary.</summary>
    public static CellConfig For(Profile profile, string model, string activation, string corpusSha256, string? vocabulary = null, int? threads = null) => new()
    {
        Settings = profile.CellSettings(),
        Model = ModelRegistry.Get(model).Name,
        Activation = ActivationRegistry.Get(activation).Name,
        CorpusSha256 = corpusSha256,
        Vocabulary = vocabulary,
        Threads = profile.Device == DeviceKind.Cpu ? threads ?? TorchRuntime.Threads : 0,
    };
}
