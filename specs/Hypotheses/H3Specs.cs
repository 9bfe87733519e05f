using ReproSpecs.Specs.Infrastructure;
using Xunit;

namespace ReproSpecs.Specs.Hypotheses;

/// <summary>
/// H3 across architectures. H3 itself: the smooth-vs-ReLU effect on Relative PD depends on the architecture,
/// tested two-sided for heterogeneity across all six architectures (supported = heterogeneous; not rejected is
/// inconclusive). H3[contrast]: the directional reading — transformers (CharLM, MiniGPT, NanoTransformer) gain
/// more than recurrent models (TinyLSTM, HybridLM). Both are in the run's one Holm family. Trains every cell
/// it needs that the store lacks. Run alone with <c>dotnet test specs --filter Hypothesis=H3</c>.
/// </summary>
[Trait("Hypothesis", "H3")]
[Collection(ExperimentCollection.Name)]
public sealed class H3Specs(ExperimentFixture fixture)
{
    [SkippableFact]
    public void H3_the_gain_of_smooth_activations_depends_on_the_architecture()
    {
        var verdict = fixture.Hypotheses.H3();
        Skip.If(verdict is null, "H3 needs at least two architectures with ReLU and element-wise smooth cells.");
        fixture.Hypotheses.Assert(verdict!);
    }

    [SkippableFact]
    public void H3_contrast_transformers_gain_more_than_recurrent_models()
    {
        var verdict = fixture.Hypotheses.H3Contrast();
        Skip.If(verdict is null, "H3[contrast] needs at least one transformer and one recurrent architecture, three in all, with ReLU and smooth cells.");
        fixture.Hypotheses.Assert(verdict!);
    }
}
