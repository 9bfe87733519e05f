using System.Text;
using ReproSpecs.Harness.Records;
using ReproSpecs.Harness.Results;
using ReproSpecs.Harness.Training;
using ReproSpecs.Tests.Support;
using Shouldly;
using Xunit;

namespace ReproSpecs.Tests.Results;

/// <summary>Sealed results files: they round-trip, and any truncation, edit or schema change is detected on read.</summary>
public sealed class SealedJsonTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>A small payload with the awkward values results hold: NaN (diverged losses), an enum, a timestamp.</summary>
    public sealed record Sample(string Name, double Loss, double Diverged, LrSchedule Schedule, DateTimeOffset At);

    private static readonly Sample Value = new("trial 0", 1.2345678901234567, double.NaN, LrSchedule.Cosine,
        new DateTimeOffset(2025, 3, 4, 5, 6, 7, TimeSpan.Zero));

    private string Written()
    {
        string path = _temp.File("sample.json");
        SealedJson.Write(path, Value);
        return path;
    }

    [Fact]
    public void A_written_file_reads_back_equal()
    {
        string path = Written();

        var read = SealedJson.Read<Sample>(path);

        read.ShouldBe(Value);
        string text = File.ReadAllText(path);
        text.ShouldContain($"\"schema_version\": {SealedJson.SchemaVersion}");
        text.ShouldContain("\"content_sha256\": \"");
        text.ShouldContain("\"schedule\": \"cosine\"");
    }

    [Fact]
    public void Sealing_is_deterministic()
    {
        SealedJson.Seal(Value).ShouldBe(SealedJson.Seal(Value));
        SealedJson.Seal(Value).ShouldNotBe(SealedJson.Seal(Value with { Loss = 1.5 }));
    }

    [Fact]
    public void A_cell_config_round_trips_with_the_same_hash()
    {
        var config = CellConfigs.For(Profiles.Smoke, "charlm", "swiglu", new string('a', 64));
        string path = _temp.File("config.json");
        SealedJson.Write(path, config);

        var read = SealedJson.Read<CellConfig>(path);

        read.ShouldBe(config);
        read.Hash.ShouldBe(config.Hash);
    }

    [Fact]
    public void A_file_with_one_character_edited_is_reported_as_altered()
    {
        string path = Written();
        string text = File.ReadAllText(path);
        int at = text.IndexOf("1.2345678901234567", StringComparison.Ordinal);
        at.ShouldBeGreaterThan(0);
        File.WriteAllText(path, text[..at] + "2" + text[(at + 1)..]);

        var e = Should.Throw<ResultFileException>(() => SealedJson.Read<Sample>(path));

        e.ShouldBeOneLineMentioning(path, "altered", "Fix:");
    }

    [Fact]
    public void A_truncated_file_is_reported_as_not_valid_JSON()
    {
        string path = Written();
        byte[] bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length * 2 / 3)]);

        var e = Should.Throw<ResultFileException>(() => SealedJson.Read<Sample>(path));

        e.Message.ShouldContain("not valid JSON");
        e.Message.ShouldContain(path);
    }

    [Fact]
    public void A_file_of_another_schema_version_is_refused()
    {
        string path = Written();
        string text = File.ReadAllText(path);
        string field = $"\"schema_version\": {SealedJson.SchemaVersion}";
        File.WriteAllText(path, text.Replace(field, $"\"schema_version\": {SealedJson.SchemaVersion + 1}", StringComparison.Ordinal));

        var e = Should.Throw<ResultFileException>(() => SealedJson.Read<Sample>(path));

        e.ShouldBeOneLineMentioning(path, $"schema version {SealedJson.SchemaVersion + 1}", "Fix:");
    }

    [Fact]
    public void A_file_without_a_schema_version_or_hash_is_refused()
    {
        string path = _temp.File("plain.json");
        File.WriteAllText(path, "{\"name\": \"x\"}");
        Should.Throw<ResultFileException>(() => SealedJson.Read<Sample>(path)).Message.ShouldContain("schema version none");

        File.WriteAllText(path, $"{{\"name\": \"x\", \"schema_version\": {SealedJson.SchemaVersion}}}");
        Should.Throw<ResultFileException>(() => SealedJson.Read<Sample>(path)).Message.ShouldContain("no valid content hash");
    }

    [Fact]
    public void A_sealed_file_of_another_record_type_is_refused()
    {
        string path = Written();
        var e = Should.Throw<ResultFileException>(() => SealedJson.Read<CellConfig>(path));
        e.Message.ShouldContain("does not hold the expected record");
    }

    [Fact]
    public void A_missing_file_is_a_results_file_error()
    {
        string path = _temp.File("absent.json");
        Should.Throw<ResultFileException>(() => SealedJson.Read<Sample>(path)).Message.ShouldContain(path);
    }

    [Fact]
    public void A_schema_1_config_of_compute_version_3_keeps_its_selection_and_overfit_settings()
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse("""
            {"compute_version":3,"profile":"smoke","model":"charlm","activation":"relu","n_embd":32,"n_head":2,"n_layer":1,"block_size":32,
             "dropout":0.2,"gated_width":"parity","batch_size":16,"max_iters":150,"eval_interval":50,"eval_iters":4,"learning_rate":0.003,
             "weight_decay":0.01,"beta1":0.9,"beta2":0.999,"schedule":"constant","eval_contexts":500,"eval_seed":1337,
             "selection_fraction":0.6,"overfit_margin":0.05,"device":"cpu","corpus_sha256":"abc","threads":1}
            """)!;
        SchemaMigrations.Upgrade(node, 1);
        var config = System.Text.Json.JsonSerializer.Deserialize<CellConfig>(node, Json.Options)!;
        config.Settings.Name.ShouldBe("smoke");
        config.Settings.NEmbd.ShouldBe(32);
        config.Settings.SelectionFraction.ShouldBe(0.6);
        config.Settings.OverfitMargin.ShouldBe(0.05);
        node.AsObject().ContainsKey("selection_fraction").ShouldBeFalse("moved into settings, not left behind and ignored");
    }
}
