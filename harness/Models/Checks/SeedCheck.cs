using TorchSharp;
using static TorchSharp.torch;

namespace ReproSpecs.Harness.Models.Checks;

/// <summary>
/// Construction is a function of the seed: two builds with one seed give bit-identical parameters, and
/// a different seed changes every parameter that is random at all (constant ones, such as LayerNorm
/// gains, zero biases or MiniGPT's zero positions, are the same under every seed by design).
/// </summary>
public static class SeedCheck
{
    /// <summary>Check name in results.</summary>
    public const string Name = "same seed, same model";

    /// <summary>Runs the check with <paramref name="seed"/> and <paramref name="otherSeed"/>.</summary>
    public static CheckResult Run(Func<ModelConfig, LanguageModel> create, ModelConfig config, long seed = 42, long otherSeed = 43)
    {
        using var scope = torch.NewDisposeScope();
        using var first = CheckModels.Build(create, config, seed);
        using var again = CheckModels.Build(create, config, seed);
        using var other = CheckModels.Build(create, config, otherSeed);
        var a = first.named_parameters().ToList();
        var b = again.named_parameters().ToList();
        var c = other.named_parameters().ToList();
        if (a.Count == 0) return new(Name, "the model has no parameters");
        if (!a.Select(p => p.name).SequenceEqual(b.Select(p => p.name)) || !a.Select(p => p.name).SequenceEqual(c.Select(p => p.name)))
            return new(Name, "two builds of one configuration have different parameter names: construction depends on something besides the config and seed");

        int random = 0;
        for (int i = 0; i < a.Count; i++)
        {
            var (name, p) = a[i];
            if (!CheckModels.Identical(p, b[i].parameter))
                return new(Name, $"parameter '{name}' differs between two builds with seed {seed}: construction draws randomness the seed does not control");
            bool isConstant = p.numel() < 2 || (p.max() - p.min()).item<float>() == 0;
            if (isConstant) continue;
            random++;
            if (CheckModels.Identical(p, c[i].parameter))
                return new(Name, $"parameter '{name}' is identical under seeds {seed} and {otherSeed}: the seed does not reach its initialisation");
        }
        return random == 0
            ? new(Name, "no parameter is random under any seed: the model is initialised to constants")
            : new(Name, null);
    }
}
