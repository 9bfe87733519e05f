using ReproSpecs.Harness.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace ReproSpecs.Tests.Models.Fakes;

/// <summary>Test-only: logits that ignore the tokens (a learned bias per position of the vocabulary).</summary>
internal sealed class ConstantLM : LanguageModel
{
    private readonly TorchSharp.Modules.Parameter logits;

    public ConstantLM(ModelConfig config) : base(nameof(ConstantLM), config)
    {
        logits = nn.Parameter(torch.randn(config.VocabSize));
        RegisterComponents();
    }

    public override Tensor forward(Tensor idx) =>
        logits.expand(idx.shape[0], idx.shape[1], logits.shape[0]).clone();
}
