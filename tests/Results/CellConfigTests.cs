using System.Text.Json;
using ReproSpecs.Harness.Models;
using ReproSpecs.Harness.Results;
using ReproSpecs.Harness.Training;
using Shouldly;
using Xunit;

namespace ReproSpecs.Tests.Results;

/// <summary>The cell config hash that keys the results store and guards trial reuse.</summary>
public class CellConfigTests
{
    private static readonly string Sha = new('c', 64);

    private static CellConfig Base() => CellConfig.For(Profiles.Smoke, "charlm", "gelu", Sha);

    /// <summary>One change per field; a field added to <see cref="CellConfig"/> without a line here fails <see cref="Every_field_is_covered"/>.</summary>
    public static readonly IReadOnlyDictionary<string, Func<CellConfig, CellConfig>> Changes = new Dictionary<string, Func<CellConfig, CellConfig>>
    {
        ["compute_version"] = c => c with { ComputeVersion = c.ComputeVersion + 1 },
        ["profile"] = c => c with { Profile = "cpu" },
        ["model"] = c => c with { Model = "other" },
        ["activation"] = c => c with { Activation = "relu" },
        ["n_embd"] = c => c with { NEmbd = c.NEmbd * 2 },
        ["n_head"] = c => c with { NHead = c.NHead * 2 },
        ["n_layer"] = c => c with { NLayer = c.NLayer + 1 },
        ["block_size"] = c => c with { BlockSize = c.BlockSize + 1 },
        ["dropout"] = c => c with { Dropout = 0.1 },
        ["gated_width"] = c => c with { GatedWidth = GatedWidthRule.Same },
        ["batch_size"] = c => c with { BatchSize = c.BatchSize + 1 },
        ["max_iters"] = c => c with { MaxIters = c.MaxIters + 1 },
        ["eval_interval"] = c => c with { EvalInterval = c.EvalInterval + 1 },
        ["eval_iters"] = c => c with { EvalIters = c.EvalIters + 1 },
        ["learning_rate"] = c => c with { LearningRate = c.LearningRate * 1.0000001 },
        ["weight_decay"] = c => c with { WeightDecay = 0.02 },
        ["threads"] = c => c with { Threads = c.Threads + 1 },
        ["beta1"] = c => c with { Beta1 = 0.8 },
        ["beta2"] = c => c with { Beta2 = 0.99 },
        ["schedule"] = c => c with { Schedule = LrSchedule.Cosine },
        ["eval_contexts"] = c => c with { EvalContexts = c.EvalContexts + 1 },
        ["eval_seed"] = c => c with { EvalSeed = c.EvalSeed + 1 },
        ["selection_fraction"] = c => c with { SelectionFraction = 0.6 },
        ["overfit_margin"] = c => c with { OverfitMargin = 0.05 },
        ["device"] = c => c with { Device = DeviceKind.Cuda },
        ["corpus_sha256"] = c => c with { CorpusSha256 = new string('d', 64) },
    };

    [Fact]
    public void Equal_configs_have_the_same_hash()
    {
        var a = Base();
        var b = Base();
        a.ShouldNotBeSameAs(b);
        b.Hash.ShouldBe(a.Hash);
        a.Hash.Length.ShouldBe(64);
        a.Hash.ShouldAllBe(ch => "0123456789abcdef".Contains(ch));
        a.ShortHash.ShouldBe(a.Hash[..12]);
        a.Label.ShouldBe("smoke/charlm/gelu");
    }

    [Fact]
    public void Every_field_is_covered()
    {
        using var doc = JsonDocument.Parse(JsonSerializer.Serialize(Base(), Json.Compact));
        doc.RootElement.EnumerateObject().Select(p => p.Name).Order().ShouldBe(Changes.Keys.Order());
    }

    [Fact]
    public void Changing_any_field_changes_the_hash()
    {
        var hashes = new Dictionary<string, string> { ["(base)"] = Base().Hash };
        foreach (var (field, change) in Changes)
        {
            var changed = change(Base());
            changed.ShouldNotBe(Base(), field);
            hashes[field] = changed.Hash;
        }
        hashes.Values.Distinct().Count().ShouldBe(hashes.Count, "every change gives its own hash");
    }

    [Fact]
    public void The_config_is_taken_from_the_profile_and_canonical_names()
    {
        var profile = Profiles.Cpu with { LearningRate = 1e-3, Dropout = 0.1 };
        var c = CellConfig.For(profile, "CharLM", "swiglu", Sha);

        c.Model.ShouldBe("charlm");
        c.Activation.ShouldBe("swiglu");
        (c.NEmbd, c.NHead, c.NLayer, c.BlockSize, c.BatchSize).ShouldBe((128, 4, 2, 128, 32));
        c.LearningRate.ShouldBe(1e-3);
        c.Dropout.ShouldBe(0.1);
        c.CorpusSha256.ShouldBe(Sha);
        c.ModelConfig().ShouldBe(profile.ModelConfig("swiglu"));
        c.Hash.ShouldNotBe(CellConfig.For(Profiles.Cpu, "charlm", "swiglu", Sha).Hash);
    }
}
