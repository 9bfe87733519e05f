using ReproSpecs.Harness.Records;
using ReproSpecs.Harness.Results;
using ReproSpecs.Harness.Runtime;

namespace ReproSpecs.Harness.Training;

/// <summary>The <see cref="Provenance"/> of this process, with the torch runtime's versions and thread count filled in.</summary>
public static class RunProvenance
{
    /// <summary>Provenance of a run on <paramref name="device"/> over the corpus <paramref name="corpusSha256"/>.</summary>
    public static Provenance Capture(string device, string corpusSha256) =>
        Provenance.Capture(device, corpusSha256, TorchRuntime.TorchSharpVersion, TorchRuntime.LibTorchVersion, TorchRuntime.Threads, SealedJson.SchemaVersion);
}
