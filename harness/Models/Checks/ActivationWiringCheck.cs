using ReproSpecs.Harness.Design;
using ReproSpecs.Harness.Activations;
using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace ReproSpecs.Harness.Models.Checks;

/// <summary>
/// Dead-argument check for the activation, in two parts.
/// <list type="number">
/// <item>Same weights, different activation, different outputs: models built with one seed for each
/// activation of a group (elementwise ones, then gated ones, whose shapes match within the group) get the
/// first model's weights copied in, and every pair must give different logits on the same tokens.</item>
/// <item>The forward pass really calls the registered function: a counting probe is registered under a
/// fresh name (once elementwise, once gated), a model is built with it, and one forward must call it
/// exactly as often as the architecture documents (or at least once where it documents nothing).</item>
/// <item>Every marked site (each <see cref="Activation"/> module, also the one inside a gate) applies the
/// configured function: for each activation of both groups, one forward must call every site exactly once,
/// with an output bit-identical to the registered function applied to that site's input, and the model must
/// have as many sites as documented. A total count alone passes a model whose first block calls its
/// activation twice while the second hard-codes GELU.</item>
/// </list>
/// </summary>
public static class ActivationWiringCheck
{
    /// <summary>Check name in results.</summary>
    public const string Name = "activation wired";

    /// <summary>The elementwise activations of the study's grid (one shape of weights), from the study design.</summary>
    public static readonly IReadOnlyList<string> Elementwise = StudyDesign.Study.Activations.Where(a => !a.IsGated).Select(a => a.Name).ToArray();

    /// <summary>The gated activations of the registry (another shape of weights), from the registry's flags.</summary>
    public static IReadOnlyList<string> Gated => ActivationRegistry.Infos.Where(a => a.IsGated && !a.Name.Contains(':')).Select(a => a.Name).ToArray();

    /// <summary>Runs both parts on models built by <paramref name="create"/> from <paramref name="config"/> (its activation is replaced).</summary>
    /// <param name="create">Builds a model from a configuration.</param>
    /// <param name="config">Shape of the models; each part sets the activation.</param>
    /// <param name="activationSites">The documented number of activation calls per forward, or null.</param>
    /// <param name="seed">Seed of every build and of the tokens.</param>
    public static CheckResult Run(Func<ModelConfig, LanguageModel> create, ModelConfig config, Func<ModelConfig, int>? activationSites, long seed = 7)
    {
        foreach (var group in new[] { Elementwise, Gated })
            if (DistinctOutputs(create, config, group, seed) is { } problem) return new(Name, problem);
        foreach (bool gated in new[] { false, true })
            if (ProbeCalls(create, config, activationSites, gated, seed) is { } problem) return new(Name, problem);
        foreach (string activation in Elementwise.Concat(Gated))
            if (SiteFunctions(create, config with { Activation = activation }, activationSites, seed) is { } problem) return new(Name, problem);
        return new(Name, null);
    }

    private static string? DistinctOutputs(Func<ModelConfig, LanguageModel> create, ModelConfig config, IReadOnlyList<string> activations, long seed)
    {
        using var scope = torch.NewDisposeScope();
        using var generator = new Generator((ulong)seed);
        var tokens = CheckModels.Tokens(config, 2, generator);
        var outputs = new List<(string Activation, Tensor Logits)>();
        LanguageModel? reference = null;
        try
        {
            foreach (string activation in activations)
            {
                var model = CheckModels.Build(create, config with { Activation = activation }, seed);
                if (reference is null)
                {
                    reference = model;
                    outputs.Add((activation, CheckModels.Forward(model, tokens)));
                    continue;
                }
                using (model)
                {
                    if (CopyWeights(reference, model) is { } mismatch)
                        return $"'{activations[0]}' and '{activation}' build differently shaped models ({mismatch}), so their outputs cannot be compared with the same weights";
                    outputs.Add((activation, CheckModels.Forward(model, tokens)));
                }
            }
        }
        finally
        {
            reference?.Dispose();
        }
        for (int i = 0; i < outputs.Count; i++)
        for (int j = i + 1; j < outputs.Count; j++)
            if (CheckModels.Identical(outputs[i].Logits, outputs[j].Logits))
                return $"activations '{outputs[i].Activation}' and '{outputs[j].Activation}' give bit-identical outputs with the same weights: the activation argument does not reach the model";
        return null;
    }

    private static string? CopyWeights(LanguageModel from, LanguageModel to)
    {
        var source = from.named_parameters().ToList();
        var target = to.named_parameters().ToList();
        if (source.Count != target.Count) return $"{source.Count} vs {target.Count} parameter tensors";
        using var noGrad = torch.no_grad();
        for (int i = 0; i < source.Count; i++)
        {
            if (source[i].name != target[i].name || !source[i].parameter.shape.SequenceEqual(target[i].parameter.shape))
                return $"'{source[i].name}' vs '{target[i].name}'";
            target[i].parameter.copy_(source[i].parameter);
        }
        return null;
    }

    private static string? ProbeCalls(Func<ModelConfig, LanguageModel> create, ModelConfig config, Func<ModelConfig, int>? activationSites, bool gated, long seed)
    {
        int calls = 0;
        string name = $"probe_{(gated ? "gated" : "elementwise")}_{Guid.NewGuid():N}";
        ActivationRegistry.Register(new ActivationSpec(name, "Counting probe", "GELU, counting calls",
            x => { Interlocked.Increment(ref calls); return F.gelu(x); }, IsGated: gated));
        try
        {
            using var scope = torch.NewDisposeScope();
            var probeConfig = config with { Activation = name };
            using var model = CheckModels.Build(create, probeConfig, seed);
            using var generator = new Generator((ulong)seed);
            Interlocked.Exchange(ref calls, 0);
            CheckModels.Forward(model, CheckModels.Tokens(probeConfig, 2, generator));
            string kind = gated ? "gated" : "elementwise";
            if (calls == 0)
                return $"a forward pass never called the configured {kind} activation: the activation argument does not reach the model";
            if (activationSites?.Invoke(probeConfig) is { } expected && calls != expected)
                return $"a forward pass called the configured {kind} activation {calls} times, but the architecture documents {expected} activation sites: some positions use another function or none";
            return null;
        }
        finally
        {
            ActivationRegistry.Unregister(name);
        }
    }

    private static string? SiteFunctions(Func<ModelConfig, LanguageModel> create, ModelConfig config, Func<ModelConfig, int>? activationSites, long seed)
    {
        using var scope = torch.NewDisposeScope();
        using var model = CheckModels.Build(create, config, seed);
        var configured = ActivationRegistry.Get(config.Activation);
        var sites = model.named_modules().Where(m => m.module is Activation).Select(m => (m.name, Module: (Activation)m.module)).ToList();
        int? expected = activationSites?.Invoke(config);
        if (sites.Count == 0)
            return $"'{config.Activation}': the model has no activation site (no {nameof(Activation)} module): the activation argument does not reach the model";
        if (expected is { } documented && sites.Count != documented)
            return $"'{config.Activation}': the model has {sites.Count} activation sites, but the architecture documents {documented}";

        var calls = new int[sites.Count];
        var wrong = new double?[sites.Count];
        for (int i = 0; i < sites.Count; i++)
        {
            int site = i;
            sites[i].Module.Observer = (input, output) =>
            {
                calls[site]++;
                // Bit-identical: the registered function on the same input is one deterministic kernel.
                using var reference = configured.Function(input);
                if (!CheckModels.Identical(output, reference))
                    wrong[site] = Math.Max(wrong[site] ?? 0, CheckModels.MaxAbsDifference(output, reference));
            };
        }
        try
        {
            using var generator = new Generator((ulong)seed);
            CheckModels.Forward(model, CheckModels.Tokens(config, 2, generator));
        }
        finally
        {
            foreach (var (_, module) in sites) module.Observer = null;
        }

        var problems = new List<string>();
        for (int i = 0; i < sites.Count; i++)
        {
            if (calls[i] != 1)
                problems.Add($"site '{sites[i].name}' was applied {calls[i]} times in one forward (each site applies once)");
            if (wrong[i] is { } delta)
                problems.Add($"site '{sites[i].name}' does not apply '{config.Activation}' to its input (max |Δ| = {delta:G3}; it carries '{sites[i].Module.Spec.Name}')");
        }
        return problems.Count == 0 ? null : $"configured '{config.Activation}': {string.Join("; ", problems)}";
    }
}
