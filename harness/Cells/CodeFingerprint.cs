using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using ReproSpecs.Harness.Activations;
using ReproSpecs.Harness.Models;
using ReproSpecs.Harness.Records;
using ReproSpecs.Harness.Runtime;

namespace ReproSpecs.Harness.Cells;

/// <summary>
/// Identifies the code that computes a trial, so a stored trial is reused only when the current code would compute
/// the same numbers. It covers: the compiled harness and core (their module version ids, which a deterministic build
/// derives from the compiled code, so any change to either assembly changes it: core holds the vocabulary, the
/// corpus split and the records), the method that implements the cell's
/// activation and the one that builds its architecture (so an implementation registered under an existing name
/// never inherits that name's results), the TorchSharp and libtorch versions, the device and the thread count.
/// Changes to specs, tests, reports or the CLI do not change it. See docs/reliability.md ("What invalidates results").
/// </summary>
public static class CodeFingerprint
{
    /// <summary>The fingerprint (SHA-256, lower-case hex, first 16 digits) of the code that computes <paramref name="cell"/>.</summary>
    public static string Of(CellConfig cell)
    {
        var parts = new StringBuilder()
            .Append("harness ").Append(typeof(CodeFingerprint).Assembly.ManifestModule.ModuleVersionId).Append('\n')
            .Append("core ").Append(typeof(CellConfig).Assembly.ManifestModule.ModuleVersionId).Append('\n')
            .Append("activation ").Append(Identity(ActivationRegistry.Get(cell.Activation).Function.Method)).Append('\n')
            .Append("architecture ").Append(Identity(ModelRegistry.Get(cell.Model).Create.Method)).Append('\n')
            .Append("torchsharp ").Append(TorchRuntime.TorchSharpVersion).Append('\n')
            .Append("libtorch ").Append(TorchRuntime.LibTorchVersion).Append('\n')
            .Append("device ").Append(cell.Settings.Device).Append('\n')
            .Append("threads ").Append(cell.Threads).Append('\n')
            // A trial trained under the divergence fault seam is not a real trial of this config.
            .Append("fault ").Append(Configuration.EnvironmentVariables.Get(Configuration.EnvironmentVariables.FaultDiverge) ?? "none").Append('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(parts.ToString())))[..16];
    }

    /// <summary>
    /// One fingerprint for the code of several cells (a sharded plan's): the SHA-256 of their distinct fingerprints in
    /// ordinal order, first 16 digits. Two shards agree on it exactly when they would compute every cell alike.
    /// </summary>
    public static string OfAll(IEnumerable<CellConfig> cells) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", cells.Select(Of).Distinct().Order(StringComparer.Ordinal)))))[..16];

    /// <summary>A method as compiled: its module's version id and its metadata token.</summary>
    private static string Identity(MethodInfo method) => $"{method.Module.ModuleVersionId}:{method.MetadataToken:x8}";
}
