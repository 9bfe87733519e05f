namespace ReproSpecs.Harness.Sharding;

/// <summary>A shard's manifest as found in one results store.</summary>
/// <param name="Root">The store's folder.</param>
/// <param name="Path">The manifest file.</param>
/// <param name="Manifest">Its verified content.</param>
public sealed record ShardStore(string Root, string Path, ShardManifest Manifest);
