using ReproSpecs.Specs.Infrastructure;
using Xunit;

namespace ReproSpecs.Specs.Hypotheses;

/// <summary>
/// H3 across architectures: the smooth-activation gain in Relative PD is larger for transformers
/// (CharLM, MiniGPT, NanoTransformer) than for recurrent models (TinyLSTM, HybridLM). Trains every cell
/// it needs that the store lacks. Run alone with <c>dotnet test specs --filter Hypothesis=H3</c>.
/// </summary>
[Trait("Hypothesis", "H3")]
[Collection(ExperimentCollection.Name)]
public sealed class H3Specs(ExperimentFixture fixture)
{
    [SkippableFact]
    public void H3_the_gain_of_smooth_activations_depends_on_the_architecture()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var verdict = fixture.Hypotheses.H3();
        Skip.If(verdict is null, "H3 needs at least one transformer and one recurrent architecture, three in all, with ReLU and smooth cells.");
        fixture.Hypotheses.Assert(verdict!);
    }
}
