using System.Text.RegularExpressions;
using ReproSpecs.Harness.Activations;
using ReproSpecs.Harness.Design;
using ReproSpecs.Harness.Models;
using static TorchSharp.torch;

namespace ReproSpecs.Harness.Extensions;

/// <summary>
/// The builder through which a user adds models and activations (in the spirit of Markdig's <c>UseXxx()</c>):
/// <c>new ReproSpecsOptions().UseModel(…).UseActivation(…).Apply()</c>, or an <see cref="IReproSpecsPlugin"/> that the
/// spec framework and the CLI apply. Nothing is registered until <see cref="Apply"/>; then each entry is bound in the
/// process-wide registries (<see cref="ModelRegistry"/>, <see cref="ActivationRegistry"/>) by name, and recorded in
/// <see cref="KnownNames"/> so that a report renders it with its own name and formula.
/// </summary>
public sealed partial class ReproSpecsOptions
{
    private readonly List<ModelSpec> _models = [];
    private readonly List<ActivationSpec> _activations = [];

    /// <summary>The models added so far, in order.</summary>
    public IReadOnlyList<ModelSpec> Models => _models;

    /// <summary>The activations added so far, in order.</summary>
    public IReadOnlyList<ActivationSpec> Activations => _activations;

    /// <summary>Adds a model.</summary>
    /// <exception cref="ConfigurationException">The name is not a lower-case identifier, or is one of the study's.</exception>
    public ReproSpecsOptions UseModel(ModelSpec spec)
    {
        CheckName(spec.Name, "model", StudyDesign.Study.ArchitectureNames);
        _models.RemoveAll(m => m.Name == spec.Name);
        _models.Add(spec);
        return this;
    }

    /// <summary>Adds a model from its parts: how to build it, its documented parameter count and (optionally) its activation sites.</summary>
    public ReproSpecsOptions UseModel(string name, string displayName, ArchitectureFamily family, Func<ModelConfig, LanguageModel> create,
        Func<ModelConfig, long> expectedParameters, Func<ModelConfig, int>? activationSites = null) =>
        UseModel(new ModelSpec(name, displayName, family, create, expectedParameters, activationSites));

    /// <summary>Adds an activation.</summary>
    /// <exception cref="ConfigurationException">The name is not a lower-case identifier, or is one of the study's.</exception>
    public ReproSpecsOptions UseActivation(ActivationSpec spec)
    {
        CheckName(spec.Name, "activation", StudyDesign.Study.ActivationNames);
        _activations.RemoveAll(a => a.Name == spec.Name);
        _activations.Add(spec);
        return this;
    }

    /// <summary>Adds an elementwise activation from its parts (for a gated one, <paramref name="function"/> is the gate's nonlinearity).</summary>
    public ReproSpecsOptions UseActivation(string name, string displayName, string formula, Func<Tensor, Tensor> function,
        bool isGated = false, bool isSmooth = true) =>
        UseActivation(new ActivationSpec(name, displayName, formula, function, isGated, isSmooth));

    /// <summary>Lets <paramref name="plugin"/> add its registrations.</summary>
    public ReproSpecsOptions UsePlugin(IReproSpecsPlugin plugin)
    {
        plugin.Configure(this);
        return this;
    }

    /// <summary>Binds every entry in the process-wide registries (idempotent: applying twice registers the same entries again).</summary>
    public void Apply()
    {
        foreach (var activation in _activations)
        {
            ActivationRegistry.Register(activation);
            KnownNames.Add(activation.Info);
        }
        foreach (var model in _models)
        {
            ModelRegistry.Register(model);
            KnownNames.Add(model.Info);
        }
        ReproSpecsPlugins.Record(this);
    }

    // Names key result files and test traits: one spelling, and the study's names keep the study's meaning.
    private static void CheckName(string name, string what, IReadOnlyList<string> studyNames)
    {
        if (!NamePattern().IsMatch(name))
            throw new ConfigurationException($"{what} name '{name}' must be a lower-case identifier (letters, digits, '_', starting with a letter), e.g. 'my_{what}'.");
        if (studyNames.Contains(name))
            throw new ConfigurationException($"{what} name '{name}' is one of the study's ({string.Join(", ", studyNames)}): a registration must not change what the study measures. Fix: give yours another name.");
    }

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex NamePattern();
}
