using System.Reflection;
using System.Text.Json;
using ReproSpecs.Harness.Models;
using ReproSpecs.Harness.Records;
using ReproSpecs.Harness.Training;
using Shouldly;
using Xunit;

namespace ReproSpecs.Tests.Results;

/// <summary>
/// The cell config hash that keys the results store and guards trial reuse. The profile's settings are part of the
/// config by construction: these tests enumerate the profile's properties by reflection, so a field added later is
/// covered without anyone remembering to list it.
/// </summary>
public class CellConfigTests
{
    private static readonly string Sha = new('c', 64);

    /// <summary>Profile fields that do not change any trial's numbers, so they are not in a cell's identity (each says why in its doc).</summary>
    private static readonly string[] NotIdentity = [nameof(Profile.Trials), nameof(Profile.BaseSeed), nameof(Profile.Threads)];

    private static CellConfig Base() => CellConfigs.For(Profiles.Smoke, "charlm", "gelu", Sha, threads: 1);

    private static IEnumerable<PropertyInfo> ProfileProperties() =>
        typeof(Profile).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite);

    /// <summary>A value of the property's type that differs from <paramref name="current"/>.</summary>
    private static object Other(Type type, object? current)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(int)) return (current is int i ? i : 3) + 1;
        if (t == typeof(long)) return (current is long l ? l : 3) + 1;
        if (t == typeof(double)) return current is double d ? (d is > 0 and < 1 ? d / 2 : d * 1.5 + 1e-3) : 0.25;
        if (t == typeof(string)) return (current as string ?? "") + "-changed";
        if (t == typeof(bool)) return !(current is bool b && b);
        if (t.IsEnum)
        {
            var values = Enum.GetValues(t);
            return values.GetValue((Array.IndexOf(values, current) + 1) % values.Length)!;
        }
        throw new InvalidOperationException($"CellConfigTests cannot vary a profile property of type {t}: add a case here.");
    }

    private static Profile WithChanged(Profile profile, PropertyInfo property)
    {
        var copy = profile with { };
        property.SetValue(copy, Other(property.PropertyType, property.GetValue(profile)));
        return copy;
    }

    [Fact]
    public void Equal_configs_have_the_same_hash()
    {
        var a = Base();
        var b = Base();
        a.ShouldNotBeSameAs(b);
        b.Hash.ShouldBe(a.Hash);
        a.Hash.Length.ShouldBe(64);
        a.Hash.ShouldAllBe(ch => "0123456789abcdef".Contains(ch));
        a.ShortHash.ShouldBe(a.Hash[..12]);
        a.Label.ShouldBe("smoke/charlm/gelu");
    }

    [Fact]
    public void Every_setting_a_profile_has_changes_the_hash_except_the_run_level_ones()
    {
        var baseHash = Base().Hash;
        var hashes = new Dictionary<string, string>();
        foreach (var property in ProfileProperties())
        {
            var changed = CellConfigs.For(WithChanged(Profiles.Smoke, property), "charlm", "gelu", Sha, threads: 1);
            if (NotIdentity.Contains(property.Name))
                changed.Hash.ShouldBe(baseHash, $"{property.Name} does not change a trial's numbers, so it must not split the store");
            else
                hashes[property.Name] = changed.Hash;
        }
        hashes.Count.ShouldBeGreaterThanOrEqualTo(17, "the profile's model, training and evaluation settings were enumerated");
        foreach (var (name, hash) in hashes) hash.ShouldNotBe(baseHash, $"profile.{name} must reach the cell's hash");
        hashes.Values.Distinct().Count().ShouldBe(hashes.Count, "every setting gives its own hash");
    }

    [Fact]
    public void Every_field_of_the_cell_itself_changes_the_hash()
    {
        var c = Base();
        CellConfig[] changed =
        [
            c with { ComputeVersion = c.ComputeVersion + 1 },
            c with { Model = "other" },
            c with { Activation = "relu" },
            c with { CorpusSha256 = new string('d', 64) },
            c with { Vocabulary = "ab" },
            c with { Threads = c.Threads + 1 },
            c with { Settings = c.Settings with { LearningRate = 1e-3 } },
        ];
        changed.Select(x => x.Hash).Append(c.Hash).Distinct().Count().ShouldBe(changed.Length + 1);

        using var doc = JsonDocument.Parse(JsonSerializer.Serialize(c, Json.Compact));
        doc.RootElement.EnumerateObject().Select(p => p.Name).Order()
            .ToArray().ShouldBe(new[] { "activation", "compute_version", "corpus_sha256", "model", "settings", "threads" },
                customMessage: "a field added to CellConfig needs a line in the list above (vocabulary is written only for a user's own corpus)");
    }

    [Fact]
    public void The_config_is_taken_from_the_profile_and_canonical_names()
    {
        var profile = Profiles.Cpu with { LearningRate = 1e-3, Dropout = 0.1 };
        var c = CellConfigs.For(profile, "CharLM", "swiglu", Sha, threads: 2);

        c.Model.ShouldBe("charlm");
        c.Activation.ShouldBe("swiglu");
        c.Settings.ShouldBe(profile.CellSettings());
        (Profiles.Smoke with { Trials = 9, BaseSeed = 7, Threads = 5 }).CellSettings().ShouldBe(Profiles.Smoke.CellSettings());
        c.Profile.ShouldBe("cpu");
        c.Threads.ShouldBe(2);
        c.CorpusSha256.ShouldBe(Sha);
        c.ModelConfig().ShouldBe(ModelConfigs.For(profile, "swiglu"));
        c.Hash.ShouldNotBe(CellConfigs.For(Profiles.Cpu, "charlm", "swiglu", Sha, threads: 2).Hash);
        CellConfigs.For(Profiles.Lite, "charlm", "relu", Sha, threads: 4).Threads.ShouldBe(0, "a CUDA cell's numbers do not depend on CPU threads");
    }
}
