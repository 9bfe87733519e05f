namespace ReproSpecs.Harness.Extensions;

/// <summary>
/// Names a plugin that lives in another assembly, e.g. in a test project whose models are in a library of their own:
/// <c>[assembly: ReproSpecsPlugin(typeof(MyPlugin))]</c>. The plugins of an assembly are its own public
/// <see cref="IReproSpecsPlugin"/> types and those its attributes name.
/// </summary>
/// <param name="pluginType">A public, non-abstract <see cref="IReproSpecsPlugin"/> with a public parameterless constructor.</param>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class ReproSpecsPluginAttribute(Type pluginType) : Attribute
{
    /// <summary>The plugin's type.</summary>
    public Type PluginType { get; } = pluginType;
}
