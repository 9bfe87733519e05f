using ReproSpecs.Harness.Activations;
using ReproSpecs.Harness.Models;
using ReproSpecs.Harness.Models.Blocks;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ReproSpecs.Tests.Models.Fakes;

/// <summary>
/// Test-only: two feed-forward blocks where the first is applied twice (so its activation runs twice) and
/// the second hard-codes GELU. The configured activation runs exactly n_layer = 2 times per forward and
/// outputs change with it, so a call count against the documented sites passes it; only checking what each
/// site applies catches it.
/// </summary>
internal sealed class TwiceThenGeluLM : LanguageModel
{
    private readonly Embedding wte;
    private readonly FeedForward first;
    private readonly FeedForward second;
    private readonly Linear lm_head;

    public TwiceThenGeluLM(ModelConfig config) : base(nameof(TwiceThenGeluLM), config)
    {
        int c = config.NEmbd, hidden = config.FeedForwardWidth(4 * c);
        wte = nn.Embedding(config.VocabSize, c);
        first = new FeedForward(c, hidden, config.ActivationSpec, 0.0);
        second = new FeedForward(c, hidden, ActivationRegistry.Get(config.ActivationSpec.IsGated ? "geglu" : "gelu"), 0.0);
        lm_head = nn.Linear(c, config.VocabSize, hasBias: false);
        RegisterComponents();
        Initialization.Apply(this);
    }

    /// <summary>What the fake claims: one site per block, two blocks.</summary>
    public static int ClaimedSites(ModelConfig config) => 2;

    public override Tensor forward(Tensor idx)
    {
        using var scope = torch.NewDisposeScope();
        var x = wte.forward(idx);
        x = x + first.forward(x);
        x = x + first.forward(x);
        x = x + second.forward(x);
        return lm_head.forward(x).MoveToOuterDisposeScope();
    }
}
