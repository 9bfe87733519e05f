namespace ReproSpecs.Harness.Sharding;

/// <summary>
/// What a shard's numbers were computed with. Shards merge only when the first five agree: trials of other code, another
/// libtorch, another device type, another corpus or other evaluation contexts are not the same experiment, even when
/// their config hashes match. The rest says where the shard ran.
/// </summary>
/// <param name="CodeFingerprint">Combined code fingerprint of the plan's cells (the trials' own fingerprints, hashed).</param>
/// <param name="LibTorchVersion">libtorch version.</param>
/// <param name="Device">Device type the trials ran on (<c>cpu</c>, <c>cuda</c>).</param>
/// <param name="CorpusSha256">SHA-256 of the corpus.</param>
/// <param name="EvalFingerprint">Fingerprint of the scored evaluation contexts.</param>
/// <param name="TorchSharpVersion">TorchSharp version.</param>
/// <param name="GitCommit">Commit of the harness source, or <c>unknown</c>.</param>
/// <param name="Machine">Host name.</param>
public sealed record ShardProvenance(string CodeFingerprint, string LibTorchVersion, string Device, string CorpusSha256, string EvalFingerprint,
    string TorchSharpVersion, string GitCommit, string Machine)
{
    /// <summary>The fields that must agree across the shards of one merge, by name as printed in errors.</summary>
    public IReadOnlyList<(string Field, string Value)> MustAgree =>
    [
        ("code fingerprint", CodeFingerprint), ("libtorch version", LibTorchVersion), ("device type", Device),
        ("corpus hash", CorpusSha256), ("evaluation fingerprint", EvalFingerprint),
    ];
}
