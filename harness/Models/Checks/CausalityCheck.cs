using TorchSharp;
using static TorchSharp.torch;

namespace ReproSpecs.Harness.Models.Checks;

/// <summary>
/// Leakage check: for every position t, replacing the tokens at t, t+1, … must leave the outputs at
/// positions before t bit-identical (the model never reads ahead), and must change the output at t
/// (the model reads its current token, so the first half is not passed by a model that reads nothing).
/// Runs in eval mode; every forward has the same shape, so kernels and summation orders are the same.
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
        using var generator = new Generator((ulong)seed);
        int v = config.VocabSize, tLen = config.BlockSize;
        var tokens = CheckModels.Tokens(config, batch, generator);
        var reference = CheckModels.Forward(model, tokens);

        for (int t = 0; t < tLen; t++)
        {
            using var step = torch.NewDisposeScope();
            // Adding 1..V−1 modulo V changes every token from t on, and only those.
            var shift = torch.randint(1, v, [batch, tLen - t], dtype: ScalarType.Int64, generator: generator);
            var changed = tokens.clone();
            changed[.., t..] = (tokens[.., t..] + shift).remainder(v);
            var output = CheckModels.Forward(model, changed);

            if (t > 0 && !CheckModels.Identical(output[.., ..t], reference[.., ..t]))
            {
                int p = Enumerable.Range(0, t).First(i => !CheckModels.Identical(output[.., i], reference[.., i]));
                double delta = CheckModels.MaxAbsDifference(output[.., p], reference[.., p]);
                return new(Name, $"changing only the tokens at positions ≥ {t} changed the output at position {p} (max |Δ| = {delta:G3}): the model sees the future");
            }
            if (CheckModels.Identical(output[.., t], reference[.., t]))
                return new(Name, $"changing the token at position {t} left the output at position {t} bit-identical: the model ignores its input, so causality cannot be judged");
        }
        return new(Name, null);
    }
}
