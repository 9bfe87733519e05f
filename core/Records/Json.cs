using System.Text.Json;
using System.Text.Json.Serialization;

namespace ReproSpecs.Harness.Records;

/// <summary>The one JSON dialect of results files: snake_case, enums as strings, indented, NaN allowed (diverged losses).</summary>
public static class Json
{
    /// <summary>Serializer options shared by every results file.</summary>
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        IndentSize = 1,
    };

    /// <summary>Compact options (for hashing configs).</summary>
    public static readonly JsonSerializerOptions Compact = new(Options) { WriteIndented = false };
}
