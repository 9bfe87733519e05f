using ReproSpecs.Harness.Models;
using ReproSpecs.Harness.Models.Blocks;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace ReproSpecs.Tests.Models.Fakes;

/// <summary>
/// Test-only: the dead-argument bug — the config names an activation, the forward pass hard-codes ReLU.
/// Causal and seeded, so only the wiring check can catch it. Gated activations still widen the
/// projection (as a half-finished refactor would), and the gate half is ignored.
/// </summary>
internal sealed class ActivationIgnoringLM : LanguageModel
{
    private readonly Embedding wte;
    private readonly Linear fc;
    private readonly Linear lm_head;

    public ActivationIgnoringLM(ModelConfig config) : base(nameof(ActivationIgnoringLM), config)
    {
        wte = nn.Embedding(config.VocabSize, config.NEmbd);
        fc = nn.Linear(config.NEmbd, ActivationLayer.InputWidth(config.ActivationSpec, config.NEmbd));
        lm_head = nn.Linear(config.NEmbd, config.VocabSize, hasBias: false);
        RegisterComponents();
        Initialization.Apply(this);
    }

    public override Tensor forward(Tensor idx)
    {
        using var scope = torch.NewDisposeScope();
        var h = fc.forward(wte.forward(idx))[.., .., ..(int)Config.NEmbd];
        return lm_head.forward(F.relu(h)).MoveToOuterDisposeScope();
    }
}
