using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using ReproSpecs.Harness.Models;
using ReproSpecs.Harness.Training;

namespace ReproSpecs.Harness.Results;

/// <summary>
/// Everything that determines a cell's numbers except the trials' seeds. Its <see cref="Hash"/> keys the
/// results store: a finished trial is reused only under the same hash, and results of different hashes
/// are never combined. Bump <see cref="CurrentComputeVersion"/> whenever code changes what a config computes.
/// </summary>
public sealed record CellConfig
{
    /// <summary>Version of the training/evaluation computation; part of the hash.</summary>
    // 2: transformer embeddings and blocks shared (module order, hence init draws, changed).
    // 3: best step selected on a validation part disjoint from the scored contexts; as-coded scoring added.
    public const int CurrentComputeVersion = 3;

    /// <summary>Computation version these results were produced with.</summary>
    public int ComputeVersion { get; init; } = CurrentComputeVersion;
    /// <summary>Profile name.</summary>
    public required string Profile { get; init; }
    /// <summary>Architecture name.</summary>
    public required string Model { get; init; }
    /// <summary>Activation name.</summary>
    public required string Activation { get; init; }
    /// <summary>Embedding width C.</summary>
    public required int NEmbd { get; init; }
    /// <summary>Attention heads.</summary>
    public required int NHead { get; init; }
    /// <summary>Layers.</summary>
    public required int NLayer { get; init; }
    /// <summary>Context length T.</summary>
    public required int BlockSize { get; init; }
    /// <summary>Dropout probability.</summary>
    public required double Dropout { get; init; }
    /// <summary>Hidden-width rule of gated activations (recorded for every cell; it only acts on gated ones).</summary>
    public required GatedWidthRule GatedWidth { get; init; }
    /// <summary>Batch size B.</summary>
    public required int BatchSize { get; init; }
    /// <summary>Optimiser steps.</summary>
    public required int MaxIters { get; init; }
    /// <summary>Steps between periodic evaluations.</summary>
    public required int EvalInterval { get; init; }
    /// <summary>Batches per periodic evaluation and split.</summary>
    public required int EvalIters { get; init; }
    /// <summary>AdamW learning rate.</summary>
    public required double LearningRate { get; init; }
    /// <summary>AdamW weight decay.</summary>
    public required double WeightDecay { get; init; }
    /// <summary>AdamW β₁.</summary>
    public required double Beta1 { get; init; }
    /// <summary>AdamW β₂.</summary>
    public required double Beta2 { get; init; }
    /// <summary>Learning-rate schedule.</summary>
    public required LrSchedule Schedule { get; init; }
    /// <summary>Evaluation contexts N.</summary>
    public required int EvalContexts { get; init; }
    /// <summary>Seed of the evaluation contexts and loss batches.</summary>
    public required long EvalSeed { get; init; }
    /// <summary>
    /// Fraction of the validation text that selects the best step (the scored contexts come from the rest);
    /// null in results of compute version 2 or older, which selected on the whole validation text.
    /// Omitted from JSON when null, so older configs keep their hashes.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? SelectionFraction { get; init; }
    /// <summary>Nats by which a last selection-loss above the best marks a trial as overfit (null in older results).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? OverfitMargin { get; init; }
    /// <summary>Training device.</summary>
    public required DeviceKind Device { get; init; }
    /// <summary>SHA-256 of the corpus.</summary>
    public required string CorpusSha256 { get; init; }
    /// <summary>
    /// libtorch threads of a CPU cell (0 on CUDA): CPU reductions split work by thread, so the last bits
    /// of every number depend on it, and only trials of one thread count are bit-reproducible together.
    /// </summary>
    public required int Threads { get; init; }

    /// <summary>The cell (<paramref name="model"/>, <paramref name="activation"/>) of <paramref name="profile"/>.</summary>
    public static CellConfig For(Profile profile, string model, string activation, string corpusSha256) => new()
    {
        Profile = profile.Name, Model = ModelRegistry.Get(model).Name, Activation = Activations.ActivationRegistry.Get(activation).Name,
        NEmbd = profile.NEmbd, NHead = profile.NHead, NLayer = profile.NLayer, BlockSize = profile.BlockSize,
        Dropout = profile.Dropout, GatedWidth = profile.GatedWidth, BatchSize = profile.BatchSize, MaxIters = profile.MaxIters,
        EvalInterval = profile.EvalInterval, EvalIters = profile.EvalIters, LearningRate = profile.LearningRate,
        WeightDecay = profile.WeightDecay, Beta1 = profile.Beta1, Beta2 = profile.Beta2, Schedule = profile.Schedule,
        EvalContexts = profile.EvalContexts, EvalSeed = profile.EvalSeed,
        SelectionFraction = profile.SelectionFraction, OverfitMargin = profile.OverfitMargin, Device = profile.Device, CorpusSha256 = corpusSha256,
        Threads = profile.Device == DeviceKind.Cpu ? Runtime.TorchRuntime.Threads : 0,
    };

    /// <summary>The model configuration of this cell.</summary>
    public ModelConfig ModelConfig() => new()
    {
        NEmbd = NEmbd, NHead = NHead, NLayer = NLayer, BlockSize = BlockSize, Dropout = Dropout,
        Activation = Activation, GatedWidth = GatedWidth,
    };

    /// <summary>SHA-256 (hex) of this config's compact JSON.</summary>
    [JsonIgnore]
    public string Hash => Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(this, Json.Compact)));

    /// <summary>The first 12 hex digits of <see cref="Hash"/>, used in folder names.</summary>
    [JsonIgnore]
    public string ShortHash => Hash[..12];

    /// <summary>A readable label, e.g. <c>smoke/charlm/gelu</c>.</summary>
    [JsonIgnore]
    public string Label => $"{Profile}/{Model}/{Activation}";
}
