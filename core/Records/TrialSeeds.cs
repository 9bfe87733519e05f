using System.Security.Cryptography;
using System.Text;

namespace ReproSpecs.Harness.Records;

/// <summary>
/// The three sources of randomness of a trial, each settable on its own (the seed-source ablation
/// varies one at a time). By default trial k uses <c>base + k</c> for all three.
/// </summary>
/// <param name="Init">Seeds the weight initialisation (<c>torch.manual_seed(Init)</c> before the model is built).</param>
/// <param name="Data">Seeds the batch sampler's own generator.</param>
/// <param name="Dropout">Seeds the global generator that dropout draws from during training.</param>
public sealed record TrialSeeds(long Init, long Data, long Dropout)
{
    /// <summary>All three sources seeded with <paramref name="seed"/>.</summary>
    public static TrialSeeds All(long seed) => new(seed, seed, seed);

    /// <summary>A short key for file names, e.g. <c>i42-d42-o42</c>.</summary>
    public string Key => $"i{Init}-d{Data}-o{Dropout}";

    /// <summary>
    /// The generator seed actually used for a source. Initialisation uses the seed as given (so
    /// <c>torch.manual_seed(42)</c> means what it means in PyTorch); data order and dropout use a
    /// SHA-256 derivation so that equal seed numbers never replay the same random stream in two sources.
    /// </summary>
    public static long StreamSeed(long seed, string source)
    {
        if (source == "init") return seed;
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"reprospecs/{source}/{seed}"));
        return (long)(BitConverter.ToUInt64(hash, 0) >> 1);
    }
}
