using System.Text.Json;
using System.Text.Json.Serialization;

namespace ReproSpecs.Harness.Results;

/// <summary>
/// The committed CI gate (<c>specs/baselines.json</c>): per (profile, model, activation) the mean
/// Relative PD measured when the baseline was recorded. A cell passes when its mean Relative PD is at
/// most <c>baseline × (1 + tolerance)</c>. Regenerate from a results store with the CLI's <c>baselines</c> command.
/// </summary>
public sealed record Baselines
{
    /// <summary>Relative tolerance above the recorded value.</summary>
    [JsonPropertyName("tolerance")]
    public required double Tolerance { get; init; }

    /// <summary>Why the tolerance is what it is.</summary>
    [JsonPropertyName("note")]
    public string? Note { get; init; }

    /// <summary>profile → model → activation → recorded mean Relative PD (final weights).</summary>
    [JsonPropertyName("relative_pd")]
    public required SortedDictionary<string, SortedDictionary<string, SortedDictionary<string, double>>> RelativePd { get; init; }

    /// <summary>The recorded value of a cell, or null.</summary>
    public double? Get(string profile, string model, string activation) =>
        RelativePd.TryGetValue(profile, out var models) && models.TryGetValue(model, out var acts) && acts.TryGetValue(activation, out var v) ? v : null;

    /// <summary>The threshold of a cell, or null when none is recorded.</summary>
    public double? Threshold(string profile, string model, string activation) => Get(profile, model, activation) * (1 + Tolerance);

    /// <summary>A copy with the cell's recorded value set to <paramref name="relativePd"/>.</summary>
    public Baselines With(string profile, string model, string activation, double relativePd)
    {
        var copy = JsonSerializer.Deserialize<Baselines>(JsonSerializer.Serialize(this))!;
        if (!copy.RelativePd.TryGetValue(profile, out var models)) copy.RelativePd[profile] = models = new();
        if (!models.TryGetValue(model, out var acts)) models[model] = acts = new();
        acts[activation] = Math.Round(relativePd, 6);
        return copy;
    }

    /// <summary>Reads a baselines file.</summary>
    /// <exception cref="ReproSpecsException">Missing or malformed.</exception>
    public static Baselines Load(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<Baselines>(File.ReadAllText(path)) ?? throw new JsonException("empty document");
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            throw new ReproSpecsException($"Baselines file {path} cannot be read ({e.Message}). Fix: restore it from git (specs/baselines.json).", e);
        }
    }

    /// <summary>Writes the file (sorted keys, indented) atomically.</summary>
    public void Save(string path) =>
        AtomicFile.WriteAllBytes(path, JsonSerializer.SerializeToUtf8Bytes(this, new JsonSerializerOptions
        {
            WriteIndented = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }));
}
