using ReproSpecs.Harness.Models;
using ReproSpecs.Harness.Models.Blocks;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ReproSpecs.Tests.Models.Fakes;

/// <summary>
/// Test-only: initialises its head from a generator of its own instead of the global one — with a fixed
/// seed (the seed never reaches it) or a fresh one per build (two builds with one seed differ).
/// Elementwise activations only.
/// </summary>
internal sealed class SeedIgnoringLM : LanguageModel
{
    private readonly Embedding wte;
    private readonly nn.Module<Tensor, Tensor> act;
    private readonly Linear lm_head;

    public SeedIgnoringLM(ModelConfig config, bool freshEveryBuild) : base(nameof(SeedIgnoringLM), config)
    {
        wte = nn.Embedding(config.VocabSize, config.NEmbd);
        act = ActivationLayer.Create(config.ActivationSpec);
        lm_head = nn.Linear(config.NEmbd, config.VocabSize, hasBias: false);
        RegisterComponents();
        Initialization.Apply(this);
        ulong seed = freshEveryBuild ? (ulong)Random.Shared.NextInt64() : 99UL;
        using var own = new Generator(seed);
        using var noGrad = torch.no_grad();
        lm_head.weight!.copy_(torch.randn(lm_head.weight.shape, generator: own) * 0.02);
    }

    public override Tensor forward(Tensor idx)
    {
        using var scope = torch.NewDisposeScope();
        return lm_head.forward(act.forward(wte.forward(idx))).MoveToOuterDisposeScope();
    }
}
