using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ReproSpecs.Harness.Records;

/// <summary>
/// Everything that determines a cell's numbers except the trials' seeds: the profile's settings (whole, so every
/// field a profile sets reaches the hash by construction), the architecture, the activation, the corpus and the
/// thread count. Its <see cref="Hash"/> keys the results store: a finished trial is reused only under the same hash
/// (and the same code, see <see cref="TrialRecord.CodeFingerprint"/>), and results of different hashes are never
/// combined. Bump <see cref="CurrentComputeVersion"/> whenever code changes what a config computes.
/// Built by <c>CellConfigs.For</c> in the harness, which checks the names against the registries.
/// </summary>
public sealed record CellConfig
{
    /// <summary>Version of the training/evaluation computation; part of the hash.</summary>
    /// <remarks>2: transformer embeddings and blocks shared (module order, hence init draws, changed).
    /// 3: best step selected on a validation part disjoint from the scored contexts; as-coded scoring added.
    /// 4: the config holds its profile's settings as one nested record (hashes changed, numbers did not).</remarks>
    public const int CurrentComputeVersion = 4;

    /// <summary>Computation version these results were produced with.</summary>
    public int ComputeVersion { get; init; } = CurrentComputeVersion;
    /// <summary>The profile's model, training and evaluation settings and device.</summary>
    public required Profile Settings { get; init; }
    /// <summary>Architecture name.</summary>
    public required string Model { get; init; }
    /// <summary>Activation name.</summary>
    public required string Activation { get; init; }
    /// <summary>SHA-256 of the corpus.</summary>
    public required string CorpusSha256 { get; init; }
    /// <summary>
    /// The corpus's characters in token-id order when they are not the study's 65 (a user's own text), else null.
    /// Left out of the JSON when null, so the study's cells keep their hashes.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Vocabulary { get; init; }
    /// <summary>
    /// libtorch threads of a CPU cell (0 on CUDA): CPU reductions split work by thread, so the last bits
    /// of every number depend on it, and only trials of one thread count are bit-reproducible together.
    /// </summary>
    public required int Threads { get; init; }

    /// <summary>Profile name.</summary>
    [JsonIgnore]
    public string Profile => Settings.Name;

    /// <summary>Vocabulary size V.</summary>
    [JsonIgnore]
    public int VocabSize => Vocabulary?.Length ?? Data.CharVocabulary.Size;

    /// <summary>SHA-256 (hex) of this config's compact JSON.</summary>
    [JsonIgnore]
    public string Hash => Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(this, Json.Compact)));

    /// <summary>The first 12 hex digits of <see cref="Hash"/>, used in folder names.</summary>
    [JsonIgnore]
    public string ShortHash => ShortHashes.Of(Hash);

    /// <summary>A readable label, e.g. <c>smoke/charlm/gelu</c>.</summary>
    [JsonIgnore]
    public string Label => $"{Profile}/{Model}/{Activation}";
}
