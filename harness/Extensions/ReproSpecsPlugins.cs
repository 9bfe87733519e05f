using System.Reflection;
using System.Runtime.Loader;
using ReproSpecs.Harness.Activations;
using ReproSpecs.Harness.Models;

namespace ReproSpecs.Harness.Extensions;

/// <summary>
/// Finds and applies a user's <see cref="IReproSpecsPlugin"/>s (an assembly's own public plugin types, and those its
/// <see cref="ReproSpecsPluginAttribute"/>s name), and remembers what options were applied in this
/// process (<see cref="Models"/>, <see cref="Activations"/>): the specs run every user model, and every architecture
/// on every user activation, beside the study's.
/// </summary>
public static class ReproSpecsPlugins
{
    private static readonly List<ModelSpec> AppliedModels = [];
    private static readonly List<ActivationSpec> AppliedActivations = [];
    private static readonly HashSet<string> LoadedAssemblies = new(StringComparer.Ordinal);

    /// <summary>The user models applied in this process, in order.</summary>
    public static IReadOnlyList<ModelSpec> Models
    {
        get { lock (AppliedModels) return AppliedModels.ToList(); }
    }

    /// <summary>The user activations applied in this process, in order.</summary>
    public static IReadOnlyList<ActivationSpec> Activations
    {
        get { lock (AppliedModels) return AppliedActivations.ToList(); }
    }

    /// <summary>Applies the plugins of <paramref name="assembly"/> (once per assembly); returns the options they built.</summary>
    public static ReproSpecsOptions ApplyFrom(Assembly assembly)
    {
        var options = new ReproSpecsOptions();
        foreach (var type in PluginTypes(assembly)) options.UsePlugin(Create(type));
        lock (LoadedAssemblies)
        {
            if (LoadedAssemblies.Add(assembly.FullName ?? assembly.GetName().Name!)) options.Apply();
        }
        return options;
    }

    /// <summary>Loads the assembly at <paramref name="path"/> and applies its plugins (<c>--plugin</c>).</summary>
    /// <exception cref="ConfigurationException">No such file, not a .NET assembly, or no plugin in it; the message says the fix.</exception>
    public static ReproSpecsOptions Load(string path)
    {
        string full = Path.GetFullPath(path);
        if (!File.Exists(full))
            throw new ConfigurationException($"--plugin {path}: no such file. Fix: pass the path of your built assembly, e.g. bin/Debug/net10.0/MyModels.dll.");
        Assembly assembly;
        try
        {
            // The plugin's own dependencies resolve from its folder (its .deps.json); ReproSpecs and TorchSharp stay the host's.
            var resolver = new AssemblyDependencyResolver(full);
            AssemblyLoadContext.Default.Resolving += (context, name) =>
                resolver.ResolveAssemblyToPath(name) is { } dependency ? context.LoadFromAssemblyPath(dependency) : null;
            assembly = AssemblyLoadContext.Default.LoadFromAssemblyPath(full);
        }
        catch (BadImageFormatException)
        {
            throw new ConfigurationException($"--plugin {path}: not a .NET assembly. Fix: pass the .dll that your project builds.");
        }
        var options = ApplyFrom(assembly);
        if (options.Models.Count == 0 && options.Activations.Count == 0)
            throw new ConfigurationException($"--plugin {path}: registers nothing. Fix: add a public class implementing {nameof(IReproSpecsPlugin)} whose Configure calls options.UseModel(…) or options.UseActivation(…).");
        return options;
    }

    /// <summary>Records what <paramref name="options"/> registered (called by <see cref="ReproSpecsOptions.Apply"/>).</summary>
    internal static void Record(ReproSpecsOptions options)
    {
        lock (AppliedModels)
        {
            foreach (var model in options.Models)
            {
                AppliedModels.RemoveAll(m => m.Name == model.Name);
                AppliedModels.Add(model);
            }
            foreach (var activation in options.Activations)
            {
                AppliedActivations.RemoveAll(a => a.Name == activation.Name);
                AppliedActivations.Add(activation);
            }
        }
    }

    private static IEnumerable<Type> PluginTypes(Assembly assembly)
    {
        Type[] types;
        try
        {
            types = assembly.GetExportedTypes();
        }
        catch (Exception e) when (e is ReflectionTypeLoadException or FileNotFoundException or FileLoadException)
        {
            throw new ConfigurationException($"{assembly.GetName().Name}: its types cannot be loaded ({e.Message}). Fix: build it against this version of ReproSpecs.Harness, and keep its dependencies beside it.");
        }
        var own = types.Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IReproSpecsPlugin).IsAssignableFrom(t));
        var named = assembly.GetCustomAttributes<ReproSpecsPluginAttribute>().Select(a => a.PluginType);
        return own.Concat(named).Distinct().OrderBy(t => t.FullName, StringComparer.Ordinal);
    }

    private static IReproSpecsPlugin Create(Type type)
    {
        if (!typeof(IReproSpecsPlugin).IsAssignableFrom(type) || type.IsAbstract)
            throw new ConfigurationException($"[ReproSpecsPlugin(typeof({type.FullName}))]: not a class implementing {nameof(IReproSpecsPlugin)}. Fix: name your plugin class.");
        return type.GetConstructor(Type.EmptyTypes) is { } constructor
            ? (IReproSpecsPlugin)constructor.Invoke(null)
            : throw new ConfigurationException($"plugin {type.FullName} has no public parameterless constructor. Fix: add one; Configure receives everything it needs.");
    }
}
