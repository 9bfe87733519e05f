namespace ReproSpecs.Harness.Models.Checks;

/// <summary>The built model has exactly the parameter count its documented formula gives.</summary>
public static class ParameterCountCheck
{
    /// <summary>Check name in results.</summary>
    public const string Name = "parameter count";

    /// <summary>Builds the model and compares its trainable scalars with <paramref name="expected"/>.</summary>
    public static CheckResult Run(Func<ModelConfig, LanguageModel> create, Func<ModelConfig, long> expected, ModelConfig config)
    {
        using var model = CheckModels.Build(create, config, seed: 0);
        long actual = model.ParameterCount(), formula = expected(config);
        return actual == formula
            ? new(Name, null)
            : new(Name, $"{config.Activation} (n_embd {config.NEmbd}, n_layer {config.NLayer}, gated width {config.GatedWidth}): the model has {actual:N0} parameters, the formula says {formula:N0} (off by {actual - formula:N0})");
    }
}
