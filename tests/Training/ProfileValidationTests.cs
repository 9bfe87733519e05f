using ReproSpecs.Harness.Design;
using ReproSpecs.Harness;
using ReproSpecs.Harness.Records;
using ReproSpecs.Harness.Training;
using ReproSpecs.Tests.Support;
using Shouldly;
using Xunit;

namespace ReproSpecs.Tests.Training;

/// <summary>Bad profiles and unknown names fail before any work, with one line naming the field (and the known names).</summary>
public class ProfileValidationTests
{
    private static readonly Profile Valid = TinyExperiment.Profile;

    [Fact]
    public void The_built_in_profiles_and_the_test_profile_are_valid()
    {
        foreach (var p in Profiles.All) Should.NotThrow(() => p.Validate(111_540), p.Name);
        Should.NotThrow(() => Valid.Validate(2_000));
    }

    public static TheoryData<string, Func<Profile, Profile>, string> BadFields() => new()
    {
        { "n_embd not divisible by n_head", p => p with { NEmbd = 30, NHead = 4 }, "must be divisible by n_head" },
        { "one trial", p => p with { Trials = 1 }, "trials must be at least 2" },
        { "zero layers", p => p with { NLayer = 0 }, "n_layer" },
        { "zero batch", p => p with { BatchSize = 0 }, "batch_size" },
        { "zero learning rate", p => p with { LearningRate = 0 }, "learning_rate" },
        { "NaN learning rate", p => p with { LearningRate = double.NaN }, "learning_rate" },
        { "dropout 1", p => p with { Dropout = 1 }, "dropout" },
        { "beta2 1", p => p with { Beta2 = 1 }, "beta2" },
        { "no eval contexts", p => p with { EvalContexts = 0 }, "eval_contexts" },
        { "negative base seed", p => p with { BaseSeed = -1 }, "base_seed" },
        { "empty name", p => p with { Name = " " }, "name is empty" },
    };

    [Theory]
    [MemberData(nameof(BadFields))]
    public void A_bad_field_is_rejected_naming_the_profile_and_the_field(string because, Func<Profile, Profile> change, string expected)
    {
        var e = Should.Throw<ConfigurationException>(() => change(Valid).Validate(), because);
        e.ShouldBeOneLineMentioning("profile '", expected);
    }

    [Fact]
    public void A_block_not_shorter_than_the_validation_text_is_rejected()
    {
        var e = Should.Throw<ConfigurationException>(() => Valid.Validate(validationTokens: Valid.BlockSize));
        e.ShouldBeOneLineMentioning("block_size (16)", "validation text (16 tokens", "Fix:");
        // Both parts (selection, scored) must be longer than the block: with half each, 2·(T+1) tokens suffice.
        Should.NotThrow(() => Valid.Validate(validationTokens: 2 * (Valid.BlockSize + 1)));
        Should.Throw<ConfigurationException>(() => Valid.Validate(validationTokens: 2 * Valid.BlockSize + 1))
            .ShouldBeOneLineMentioning("both parts of the validation text", "selection_fraction");
    }

    [Fact]
    public void An_experiment_on_a_corpus_too_short_for_the_block_is_rejected_before_training()
    {
        // 100 characters → 10 validation tokens < block 16.
        var e = Should.Throw<ConfigurationException>(() => ExperimentContext.Create(Valid, SyntheticCorpus.Create(100)));
        e.Message.ShouldContain("block_size");
    }

    [Fact]
    public void An_unknown_profile_name_lists_the_known_ones()
    {
        var e = Should.Throw<ConfigurationException>(() => Profiles.Get("huge"));
        e.ShouldBeOneLineMentioning("'huge'", "smoke, cpu, lite, partial, full");
        Profiles.Get("SMOKE").ShouldBeSameAs(Profiles.Smoke);
    }

    [Fact]
    public void An_unknown_model_name_lists_the_known_ones()
    {
        var e = Should.Throw<ConfigurationException>(() => CellConfigs.For(Valid, "gpt5", "gelu", ""));
        e.ShouldBeOneLineMentioning("'gpt5'", "charlm");
    }

    [Fact]
    public void An_unknown_activation_name_lists_the_known_ones()
    {
        var e = Should.Throw<ConfigurationException>(() => CellConfigs.For(Valid, "charlm", "tanhh", ""));
        e.ShouldBeOneLineMentioning(["'tanhh'", .. StudyDesign.Study.ActivationNames]);
    }
}
