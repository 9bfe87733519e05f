using ReproSpecs.Harness.Activations;
using ReproSpecs.Harness.Models;
using ReproSpecs.Harness.Models.Blocks;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ReproSpecs.Tests.Models.Fakes;

/// <summary>
/// Test-only: n_layer feed-forward layers where only the first uses the configured activation and the
/// rest silently use GELU. Outputs still change with the activation, so only the count of calls
/// against the documented sites (one per layer) can catch it.
/// </summary>
internal sealed class PartlyWiredLM : LanguageModel
{
    private readonly Embedding wte;
    private readonly ModuleList<FeedForward> layers;
    private readonly Linear lm_head;

    public PartlyWiredLM(ModelConfig config) : base(nameof(PartlyWiredLM), config)
    {
        int c = config.NEmbd;
        wte = nn.Embedding(config.VocabSize, c);
        var gelu = ActivationRegistry.Get(config.ActivationSpec.IsGated ? "geglu" : "gelu");
        layers = nn.ModuleList(Enumerable.Range(0, config.NLayer)
            .Select(i => new FeedForward(c, config.FeedForwardWidth(4 * c), i == 0 ? config.ActivationSpec : gelu, 0.0))
            .ToArray());
        lm_head = nn.Linear(c, config.VocabSize, hasBias: false);
        RegisterComponents();
        Initialization.Apply(this);
    }

    /// <summary>What the fake claims: one site per layer.</summary>
    public static int ClaimedSites(ModelConfig config) => config.NLayer;

    public override Tensor forward(Tensor idx)
    {
        using var scope = torch.NewDisposeScope();
        var x = wte.forward(idx);
        foreach (var layer in layers) x = x + layer.forward(x);
        return lm_head.forward(x).MoveToOuterDisposeScope();
    }
}
