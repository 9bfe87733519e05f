using System.Text.Json.Serialization;

namespace ReproSpecs.Harness.Records;

/// <summary>
/// A named set of model, training and evaluation settings (docs/design.md). A cell's config holds the profile whole,
/// so every field that changes a number is part of its hash by construction; the run-level fields that do not change
/// a trial's numbers (<see cref="Trials"/>, <see cref="BaseSeed"/>, <see cref="Threads"/>) are left out of the JSON.
/// </summary>
public sealed record Profile
{
    /// <summary>The study's trials per cell.</summary>
    public const int DefaultTrials = 3;

    /// <summary>The study's first trial seed.</summary>
    public const long DefaultBaseSeed = 42;

    /// <summary>
    /// This profile with its run-level fields (trials, base seed, default threads) at their defaults: the settings a
    /// cell's identity holds, and exactly what reading them back from a results file gives.
    /// </summary>
    public Profile CellSettings() => this with { Trials = DefaultTrials, BaseSeed = DefaultBaseSeed, Threads = null };

    /// <summary>Profile name: smoke, cpu, lite, partial, full, or a custom one.</summary>
    public required string Name { get; init; }
    /// <summary>Embedding width C.</summary>
    public required int NEmbd { get; init; }
    /// <summary>Attention heads.</summary>
    public required int NHead { get; init; }
    /// <summary>Layers.</summary>
    public required int NLayer { get; init; }
    /// <summary>Context length T.</summary>
    public required int BlockSize { get; init; }
    /// <summary>Windows per training batch B.</summary>
    public required int BatchSize { get; init; }
    /// <summary>Optimiser steps per trial.</summary>
    public required int MaxIters { get; init; }
    /// <summary>Steps between periodic train/val loss evaluations.</summary>
    public required int EvalInterval { get; init; }
    /// <summary>Batches averaged by each periodic evaluation, per split.</summary>
    public required int EvalIters { get; init; }
    /// <summary>Training device.</summary>
    public required DeviceKind Device { get; init; }
    /// <summary>
    /// Batches of the train-split loss estimate at each periodic evaluation: the first this many of the
    /// <see cref="EvalIters"/> fixed training batches; null (the study's protocol) estimates on all of them. The
    /// train-split estimate is reporting only (the best step is chosen on the validation loss and nothing trains on
    /// either), so a smaller count changes no trained weight and no probability, only the recorded train-loss curve;
    /// that curve is a recorded number, so a set value enters the cell's identity (unset, it is left out of the JSON
    /// and the study's cells keep their hashes). Env: <c>REPROSPECS_TRAIN_LOSS_ITERS</c>.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? TrainLossIters { get; init; }

    /// <summary>The train-split batches each periodic evaluation averages over (<see cref="TrainLossIters"/>, else all <see cref="EvalIters"/>).</summary>
    public int TrainLossBatches() => TrainLossIters ?? EvalIters;

    /// <summary>AdamW learning rate.</summary>
    public double LearningRate { get; init; } = 3e-4;
    /// <summary>AdamW decoupled weight decay.</summary>
    public double WeightDecay { get; init; } = 0.01;
    /// <summary>AdamW β₁.</summary>
    public double Beta1 { get; init; } = 0.9;
    /// <summary>AdamW β₂.</summary>
    public double Beta2 { get; init; } = 0.999;
    /// <summary>Learning-rate schedule.</summary>
    public LrSchedule Schedule { get; init; } = LrSchedule.Constant;
    /// <summary>Dropout probability.</summary>
    public double Dropout { get; init; } = 0.2;
    /// <summary>Hidden-width rule for gated activations.</summary>
    public GatedWidthRule GatedWidth { get; init; } = GatedWidthRule.Parity;
    /// <summary>Number of fixed evaluation contexts N.</summary>
    public int EvalContexts { get; init; } = 1000;
    /// <summary>
    /// Fraction of the validation text, from its start, whose loss selects the best step (and is the "val"
    /// curve); the scored contexts are drawn from the rest, so best weights are never chosen on the data
    /// they are scored on.
    /// </summary>
    public double SelectionFraction { get; init; } = 0.5;
    /// <summary>
    /// A trial overfits when its last selection-loss is above its best by more than this many nats; the cell
    /// records it, since then final and best weights are different models.
    /// </summary>
    public double OverfitMargin { get; init; } = 0.02;
    /// <summary>Seed of the evaluation contexts and loss batches (never a training seed).</summary>
    public long EvalSeed { get; init; } = 1337;
    /// <summary>Trials per cell K (at least 2). How many trials run does not change any one trial: not in a cell's identity.</summary>
    [JsonIgnore]
    public int Trials { get; init; } = DefaultTrials;
    /// <summary>Seed of trial 0; trial k uses <c>BaseSeed + k</c> for every source by default. Each trial's seeds are in its own identity.</summary>
    [JsonIgnore]
    public long BaseSeed { get; init; } = DefaultBaseSeed;
    /// <summary>
    /// libtorch threads when neither an option nor <c>REPROSPECS_THREADS</c> says otherwise; null: all processors.
    /// The count actually used is in a cell's identity (<see cref="CellConfig.Threads"/>), not this default.
    /// </summary>
    [JsonIgnore]
    public int? Threads { get; init; }

    /// <summary>
    /// The thread count to train with: <paramref name="explicitThreads"/> (an option), else
    /// <c>REPROSPECS_THREADS</c>, else the profile's <see cref="Threads"/>, else every processor.
    /// CPU results are bit-identical only for one thread count, so it is part of a CPU cell's config.
    /// </summary>
    public int ResolveThreads(int? explicitThreads = null)
    {
        const int max = Configuration.WholeNumber.MaxThreads;
        if (explicitThreads is { } t)
            return t is >= 1 and <= max ? t : throw new ConfigurationException($"--threads must be a whole number >= 1 and <= {max}, got {t}.");
        if (Configuration.WholeNumber.FromEnvironment(Configuration.EnvironmentVariables.Threads, 1, max) is { } env) return env;
        return Threads ?? Environment.ProcessorCount;
    }

    /// <summary>Length of the selection part of a validation text of <paramref name="validationTokens"/> tokens.</summary>
    public long SelectionTokens(long validationTokens) => (long)(validationTokens * SelectionFraction);

    /// <summary>Checks every field; throws a <see cref="ConfigurationException"/> naming the first bad one.</summary>
    /// <param name="validationTokens">Length of the validation text, when known (block must be shorter).</param>
    public void Validate(int? validationTokens = null)
    {
        string where = $"profile '{Name}'";
        void Require(bool ok, string message)
        {
            if (!ok) throw new ConfigurationException($"{where}: {message}");
        }
        Require(!string.IsNullOrWhiteSpace(Name), "name is empty.");
        Require(NEmbd > 0, $"n_embd must be positive, got {NEmbd}.");
        Require(NHead > 0, $"n_head must be positive, got {NHead}.");
        Require(NEmbd % Math.Max(NHead, 1) == 0, $"n_embd ({NEmbd}) must be divisible by n_head ({NHead}). Fix: choose n_head among the divisors of n_embd.");
        Require(NLayer > 0, $"n_layer must be positive, got {NLayer}.");
        Require(BlockSize > 0, $"block_size must be positive, got {BlockSize}.");
        Require(SelectionFraction is > 0 and < 1, $"selection_fraction must be in (0, 1), got {SelectionFraction}. Fix: e.g. 0.5 (half the validation text selects the best step, half is scored).");
        Require(OverfitMargin >= 0 && double.IsFinite(OverfitMargin), $"overfit_margin must be a number >= 0 (nats), got {OverfitMargin}.");
        if (validationTokens is { } v)
        {
            Require(BlockSize < v, $"block_size ({BlockSize}) must be shorter than the validation text ({v} tokens: the last 10 % of the corpus). Fix: use a longer corpus, or a profile with a smaller block_size.");
            long selection = SelectionTokens(v);
            Require(BlockSize < selection && BlockSize < v - selection,
                $"block_size ({BlockSize}) must be shorter than both parts of the validation text ({selection} selection and {v - selection} scored tokens). Fix: use a smaller block_size or a selection_fraction nearer 0.5.");
        }
        Require(BatchSize > 0, $"batch_size must be positive, got {BatchSize}.");
        Require(MaxIters > 0, $"max_iters must be positive, got {MaxIters}.");
        Require(EvalInterval > 0, $"eval_interval must be positive, got {EvalInterval}.");
        Require(EvalIters > 0, $"eval_iters must be positive, got {EvalIters}.");
        Require(TrainLossIters is null || (TrainLossIters >= 1 && TrainLossIters <= EvalIters),
            $"train_loss_iters must be between 1 and eval_iters ({EvalIters}), got {TrainLossIters}. Fix: set REPROSPECS_TRAIN_LOSS_ITERS (or --train-loss-iters) in that range, or unset it for the study's {EvalIters}.");
        Require(LearningRate > 0 && double.IsFinite(LearningRate), $"learning_rate must be a positive number, got {LearningRate}.");
        Require(WeightDecay >= 0 && double.IsFinite(WeightDecay), $"weight_decay must be >= 0, got {WeightDecay}.");
        Require(Beta1 is >= 0 and < 1, $"beta1 must be in [0, 1), got {Beta1}.");
        Require(Beta2 is >= 0 and < 1, $"beta2 must be in [0, 1), got {Beta2}.");
        Require(Dropout is >= 0 and < 1, $"dropout must be in [0, 1), got {Dropout}.");
        Require(EvalContexts > 0, $"eval_contexts must be positive, got {EvalContexts}.");
        Require(Trials >= 2, $"trials must be at least 2 (disagreement needs a pair), got {Trials}. Fix: set REPROSPECS_TRIALS to 2 or more.");
        Require(Trials <= Configuration.WholeNumber.MaxTrials, $"trials must be at most {Configuration.WholeNumber.MaxTrials}, got {Trials}. Fix: set --trials or REPROSPECS_TRIALS to {Configuration.WholeNumber.MaxTrials} or fewer.");
        Require(BaseSeed >= 0, $"base_seed must be >= 0, got {BaseSeed}.");
    }
}
