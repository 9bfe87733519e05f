using ReproSpecs.Harness.Data;
using ReproSpecs.Harness.Records;
using ReproSpecs.Harness.Runtime;
using static TorchSharp.torch;

namespace ReproSpecs.Harness.Training;

/// <summary>
/// What every cell of a profile shares: the verified corpus, its splits on the device, the fixed
/// evaluation contexts and the fixed loss batches. Build it once per profile and reuse it.
/// </summary>
public sealed class ExperimentContext : IDisposable
{
    private ExperimentContext(Profile profile, Corpus corpus, Device device, CharDataset data, EvalSet evalSet, LossBatches lossBatches)
    {
        Profile = profile;
        Corpus = corpus;
        Device = device;
        Data = data;
        EvalSet = evalSet;
        LossBatches = lossBatches;
    }

    /// <summary>The profile.</summary>
    public Profile Profile { get; }
    /// <summary>The verified corpus.</summary>
    public Corpus Corpus { get; }
    /// <summary>The training device.</summary>
    public Device Device { get; }
    /// <summary>Tokenised splits on <see cref="Device"/>.</summary>
    public CharDataset Data { get; }
    /// <summary>The fixed evaluation contexts.</summary>
    public EvalSet EvalSet { get; }
    /// <summary>The fixed periodic-evaluation batches.</summary>
    public LossBatches LossBatches { get; }

    /// <summary>Validates the profile, resolves its device and prepares the shared data.</summary>
    /// <exception cref="ConfigurationException">A profile field is invalid.</exception>
    /// <exception cref="DeviceUnavailableException">The profile's device is not available.</exception>
    public static ExperimentContext Create(Profile profile, Corpus corpus)
    {
        TorchRuntime.EnsureInitialized();
        int valTokens = corpus.Text.Length - CorpusSplit.TrainLength(corpus.Text.Length);
        profile.Validate(valTokens);
        var device = DeviceResolver.Resolve(profile.Device);
        var data = CharDataset.From(corpus, device);
        var (evalSet, lossBatches) = DrawEvaluationData(profile, data);
        return new ExperimentContext(profile, corpus, device, data, evalSet, lossBatches);
    }

    /// <summary>
    /// The scored contexts and the loss batches of <paramref name="profile"/>: validation loss batches (which
    /// pick the best step) in the first <see cref="Profile.SelectionFraction"/> of the validation text, scored
    /// contexts in the rest, so the two share no token position.
    /// </summary>
    public static (EvalSet EvalSet, LossBatches LossBatches) DrawEvaluationData(Profile profile, CharDataset data)
    {
        long selection = profile.SelectionTokens(data.ValLength);
        var evalSet = EvalSet.Draw(data, profile.EvalContexts, profile.BlockSize, profile.EvalSeed, firstToken: selection);
        var lossBatches = LossBatches.Draw(data, profile.EvalIters, profile.BatchSize, profile.BlockSize, profile.EvalSeed, selectionTokens: selection);
        return (evalSet, lossBatches);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        LossBatches.Dispose();
        EvalSet.Dispose();
        Data.Dispose();
    }
}
