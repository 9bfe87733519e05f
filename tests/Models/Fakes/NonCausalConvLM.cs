using ReproSpecs.Harness.Models;
using ReproSpecs.Harness.Models.Blocks;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ReproSpecs.Tests.Models.Fakes;

/// <summary>
/// Test-only: a convolutional LM with the classic leak — "same" padding (one zero on each side), so
/// output t sees token t+1. Otherwise well-formed (activation wired, seeded), so only causality fails.
/// </summary>
internal sealed class NonCausalConvLM : LanguageModel
{
    private readonly Embedding wte;
    private readonly Conv1d conv;
    private readonly nn.Module<Tensor, Tensor> act;
    private readonly Linear lm_head;

    public NonCausalConvLM(ModelConfig config) : base(nameof(NonCausalConvLM), config)
    {
        wte = nn.Embedding(config.VocabSize, config.NEmbd);
        conv = nn.Conv1d(config.NEmbd, ActivationLayer.InputWidth(config.ActivationSpec, config.NEmbd), 3, padding: 1);
        act = ActivationLayer.Create(config.ActivationSpec);
        lm_head = nn.Linear(config.NEmbd, config.VocabSize, hasBias: false);
        RegisterComponents();
        Initialization.Apply(this);
    }

    public override Tensor forward(Tensor idx)
    {
        using var scope = torch.NewDisposeScope();
        var x = conv.forward(wte.forward(idx).transpose(1, 2)).transpose(1, 2);
        return lm_head.forward(act.forward(x)).MoveToOuterDisposeScope();
    }
}
