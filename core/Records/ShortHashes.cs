namespace ReproSpecs.Harness.Records;

/// <summary>How a hash is shortened wherever a reader sees it (folder names, reports, messages): its first 12 hex digits.</summary>
public static class ShortHashes
{
    /// <summary>Hex digits kept.</summary>
    public const int Length = 12;

    /// <summary>The first <see cref="Length"/> characters of <paramref name="hash"/> (all of it when shorter).</summary>
    public static string Of(string hash) => hash.Length <= Length ? hash : hash[..Length];
}
