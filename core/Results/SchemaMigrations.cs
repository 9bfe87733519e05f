using System.Text.Json.Nodes;

namespace ReproSpecs.Harness.Results;

/// <summary>
/// Reads results files written by older schema versions, by rewriting their JSON into today's shape before it is
/// deserialised (the seal is checked on the bytes as written, first). Migrating never writes a file.
/// </summary>
public static class SchemaMigrations
{
    /// <summary>The profile settings a schema-1 cell config held at its top level; schema 2 holds them in <c>settings</c>.</summary>
    private static readonly string[] FlatProfileFields =
    [
        "n_embd", "n_head", "n_layer", "block_size", "dropout", "gated_width", "batch_size", "max_iters", "eval_interval",
        "eval_iters", "learning_rate", "weight_decay", "beta1", "beta2", "schedule", "eval_contexts", "eval_seed", "device",
        "selection_fraction", "overfit_margin",
    ];

    /// <summary>Upgrades <paramref name="node"/> (a whole results file of schema <paramref name="version"/>) in place.</summary>
    public static void Upgrade(JsonNode node, int version)
    {
        if (version < 2) NestProfileSettings(node);
    }

    /// <summary>Schema 1 → 2: every cell config (an object with <c>compute_version</c> and <c>n_embd</c>) moves its profile fields into <c>settings</c>.</summary>
    private static void NestProfileSettings(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj.ContainsKey("compute_version") && obj.ContainsKey("n_embd") && !obj.ContainsKey("settings"))
                {
                    var settings = new JsonObject { ["name"] = obj["profile"]?.DeepClone() };
                    foreach (var field in FlatProfileFields)
                    {
                        if (!obj.TryGetPropertyValue(field, out var value)) continue;
                        obj.Remove(field);
                        settings[field] = value;
                    }
                    obj.Remove("profile");
                    obj["settings"] = settings;
                }
                foreach (var (_, child) in obj.ToList()) NestProfileSettings(child);
                break;
            case JsonArray array:
                foreach (var child in array) NestProfileSettings(child);
                break;
        }
    }
}
