using TorchSharp;
using static TorchSharp.torch;

namespace ReproSpecs.Harness.Models.Checks;

/// <summary>
/// Leakage check: for every position t, replacing the tokens at t, t+1, … must leave the outputs at
/// positions before t bit-identical (the model never reads ahead), and must change the output at t
/// (the model reads its current token, so the first half is not passed by a model that reads nothing).
/// Runs in eval mode, then again in training mode: dropout on, the global random stream re-seeded
/// identically before every forward, so the dropout masks are the same and only the changed future tokens
/// differ (a model can leak only while training, e.g. through a train-only branch). Every forward has the
/// same shape, so kernels and summation orders are the same.
/// </summary>
public static class CausalityCheck
{
    /// <summary>Check name in results.</summary>
    public const string Name = "causality";

    /// <summary>Runs the check on a model built by <paramref name="create"/> from <paramref name="config"/>.</summary>
    public static CheckResult Run(Func<ModelConfig, LanguageModel> create, ModelConfig config, int batch = 2, long seed = 1234)
    {
        using var scope = torch.NewDisposeScope();
        using var model = CheckModels.Build(create, config, seed);
        foreach (bool training in new[] { false, true })
        {
            model.train(training);
            if (Scan(model, config, batch, seed, training) is { } problem) return new(Name, problem);
        }
        return new(Name, null);
    }

    private static string? Scan(LanguageModel model, ModelConfig config, int batch, long seed, bool training)
    {
        using var scope = torch.NewDisposeScope();
        using var generator = new Generator((ulong)seed);
        int v = config.VocabSize, tLen = config.BlockSize;
        var tokens = CheckModels.Tokens(config, batch, generator);
        string mode = training ? "in training mode (dropout on, same random stream)" : "in eval mode";
        var reference = Forward(model, tokens, seed, training);
        if (training && !CheckModels.Identical(Forward(model, tokens, seed, training), reference))
            return "two training-mode forwards of the same tokens from the same random state differ: the forward draws randomness the seed does not control, so causality cannot be judged while training";

        for (int t = 0; t < tLen; t++)
        {
            using var step = torch.NewDisposeScope();
            // Adding 1..V−1 modulo V changes every token from t on, and only those.
            var shift = torch.randint(1, v, [batch, tLen - t], dtype: ScalarType.Int64, generator: generator);
            var changed = tokens.clone();
            changed[.., t..] = (tokens[.., t..] + shift).remainder(v);
            var output = Forward(model, changed, seed, training);

            if (t > 0 && !CheckModels.Identical(output[.., ..t], reference[.., ..t]))
            {
                int p = Enumerable.Range(0, t).First(i => !CheckModels.Identical(output[.., i], reference[.., i]));
                double delta = CheckModels.MaxAbsDifference(output[.., p], reference[.., p]);
                return $"{mode}, changing only the tokens at positions ≥ {t} changed the output at position {p} (max |Δ| = {delta:G3}): the model sees the future";
            }
            // Only in eval mode: with dropout on, a dropped input could leave position t unchanged by chance.
            if (!training && CheckModels.Identical(output[.., t], reference[.., t]))
                return $"changing the token at position {t} left the output at position {t} bit-identical: the model ignores its input, so causality cannot be judged";
        }
        return null;
    }

    /// <summary>In training mode the global generator is re-seeded first, so every forward draws the same dropout masks.</summary>
    private static Tensor Forward(LanguageModel model, Tensor tokens, long seed, bool training)
    {
        if (training) torch.manual_seed(seed);
        return CheckModels.Forward(model, tokens);
    }
}
