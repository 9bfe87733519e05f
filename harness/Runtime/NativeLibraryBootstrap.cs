using System.Runtime.CompilerServices;

namespace ReproSpecs.Harness.Runtime;

/// <summary>Runs <see cref="TorchRuntime.PrepareNativeLibraries"/> as soon as the harness assembly loads.</summary>
internal static class NativeLibraryBootstrap
{
#pragma warning disable CA2255 // A module initializer is the point: no caller has to remember a setup step.
    [ModuleInitializer]
    internal static void Run() => TorchRuntime.PrepareNativeLibraries();
#pragma warning restore CA2255
}
