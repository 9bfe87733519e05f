namespace ReproSpecs.Harness.Extensions;

/// <summary>
/// A user's registrations, found by type in a named assembly: the spec framework applies every plugin of the test
/// assembly before it discovers specs, and <c>reprospecs run|report --plugin my.dll</c> applies those of
/// <c>my.dll</c>. An implementation is public, not abstract, and has a public parameterless constructor.
/// </summary>
public interface IReproSpecsPlugin
{
    /// <summary>Adds the plugin's models and activations to <paramref name="options"/> (<c>options.UseModel(…).UseActivation(…)</c>).</summary>
    void Configure(ReproSpecsOptions options);
}
