using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ReproSpecs.Harness.Records;

namespace ReproSpecs.Harness.Results;

/// <summary>
/// JSON results files that carry their own schema version and a SHA-256 of their exact bytes
/// (computed with the hash field zeroed), so a truncated or hand-edited file is detected on read.
/// </summary>
public static class SealedJson
{
    /// <summary>Version of the results-file layout; files of another version are not read.</summary>
    public const int SchemaVersion = 2;

    /// <summary>Older schema versions this harness still reads, migrating them on load (<see cref="SchemaMigrations"/>).</summary>
    public const int OldestReadableSchemaVersion = 1;

    private const string SchemaField = "schema_version";
    private const string HashField = "content_sha256";
    private const string HashPrefix = "\"" + HashField + "\": \"";
    private static readonly string Zeros = new('0', 64);

    /// <summary>Serializes <paramref name="value"/>, seals it and writes it atomically.</summary>
    public static void Write<T>(string path, T value) => AtomicFile.WriteAllBytes(path, Seal(value));

    /// <summary>The sealed bytes of <paramref name="value"/>.</summary>
    public static byte[] Seal<T>(T value)
    {
        var node = JsonSerializer.SerializeToNode(value, Json.Options)!.AsObject();
        node[SchemaField] = SchemaVersion;
        node[HashField] = Zeros;
        string text = node.ToJsonString(Json.Options);
        int at = text.LastIndexOf(HashPrefix + Zeros, StringComparison.Ordinal);
        string hash = Sha256(text);
        return Encoding.UTF8.GetBytes(string.Concat(text.AsSpan(0, at + HashPrefix.Length), hash, text.AsSpan(at + HashPrefix.Length + 64)));
    }

    /// <summary>Reads and verifies a sealed file.</summary>
    /// <exception cref="ResultFileException">Missing, unparsable, of another schema version, or altered.</exception>
    public static T Read<T>(string path)
    {
        string text;
        try { text = File.ReadAllText(path, Encoding.UTF8); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ResultFileException(e is FileNotFoundException or DirectoryNotFoundException ? ResultFileError.Missing : ResultFileError.Unreadable,
                $"Cannot read results file {path}: {e.Message}.", e);
        }
        return Unseal<T>(text, path);
    }

    /// <summary>Verifies and deserializes sealed text; <paramref name="path"/> is only used in messages.</summary>
    public static T Unseal<T>(string text, string path)
    {
        const string fix = "Fix: delete it (or its cell folder) and rerun to regenerate it; never edit results by hand.";
        JsonObject node;
        try { node = JsonNode.Parse(text)?.AsObject() ?? throw new JsonException("empty document"); }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw new ResultFileException($"Results file {path} is not valid JSON (truncated or corrupt: {e.Message}). {fix}", e);
        }
        int? schema = node[SchemaField]?.GetValueKind() == JsonValueKind.Number ? node[SchemaField]!.GetValue<int>() : null;
        if (schema is not { } version || version < OldestReadableSchemaVersion || version > SchemaVersion)
            throw new ResultFileException(ResultFileError.WrongSchema, $"Results file {path} has schema version {schema?.ToString() ?? "none"}, this harness reads {OldestReadableSchemaVersion} to {SchemaVersion}. {fix}");
        string? recorded = node[HashField]?.GetValueKind() == JsonValueKind.String ? node[HashField]!.GetValue<string>() : null;
        int at = text.LastIndexOf(HashPrefix, StringComparison.Ordinal);
        if (recorded is null || recorded.Length != 64 || at < 0 || string.CompareOrdinal(text, at + HashPrefix.Length, recorded, 0, 64) != 0)
            throw new ResultFileException($"Results file {path} has no valid content hash. {fix}");
        string zeroed = string.Concat(text.AsSpan(0, at + HashPrefix.Length), Zeros, text.AsSpan(at + HashPrefix.Length + 64));
        string actual = Sha256(zeroed);
        if (actual != recorded)
            throw new ResultFileException(ResultFileError.Altered, $"Results file {path} was altered after it was written (content hash {actual[..12]}… ≠ recorded {recorded[..12]}…). {fix}");
        SchemaMigrations.Upgrade(node, version); // after the seal check: the seal covers the bytes as written
        try
        {
            return node.Deserialize<T>(Json.Options) ?? throw new JsonException("null document");
        }
        catch (JsonException e)
        {
            throw new ResultFileException($"Results file {path} does not hold the expected record ({e.Message}). {fix}", e);
        }
    }

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
