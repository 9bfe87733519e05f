using ReproSpecs.Harness.Models;
using ReproSpecs.Harness.Models.Blocks;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ReproSpecs.Tests.Models.Fakes;

/// <summary>
/// Test-only: causal in eval mode, but in training mode it adds the next token's embedding to each
/// position (a train-only branch, like a mis-shifted target or an auxiliary input). An eval-only causality
/// check passes it, while training on it learns from the answer.
/// </summary>
internal sealed class TrainingLeakLM : LanguageModel
{
    private readonly Embedding wte;
    private readonly nn.Module<Tensor, Tensor> dropout;
    private readonly nn.Module<Tensor, Tensor> act;
    private readonly Linear lm_head;

    public TrainingLeakLM(ModelConfig config) : base(nameof(TrainingLeakLM), config)
    {
        wte = nn.Embedding(config.VocabSize, ActivationLayer.InputWidth(config.ActivationSpec, config.NEmbd));
        dropout = Layers.Dropout(config.Dropout);
        act = ActivationLayer.Create(config.ActivationSpec);
        lm_head = nn.Linear(config.NEmbd, config.VocabSize, hasBias: false);
        RegisterComponents();
        Initialization.Apply(this);
    }

    public override Tensor forward(Tensor idx)
    {
        using var scope = torch.NewDisposeScope();
        var x = wte.forward(idx);
        if (training)
        {
            // Position t also sees token t+1 (the last position sees itself).
            var next = torch.cat([idx[.., 1..], idx[.., ^1..]], dim: 1);
            x = x + wte.forward(next);
        }
        return lm_head.forward(act.forward(dropout.forward(x))).MoveToOuterDisposeScope();
    }
}
