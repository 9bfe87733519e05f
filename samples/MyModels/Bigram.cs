using ReproSpecs.Harness.Activations;
using ReproSpecs.Harness.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MyModels;

/// <summary>A bigram model with a hidden layer: embedding → activation → linear head (position t sees token t only).</summary>
public sealed class Bigram : LanguageModel
{
    private readonly Embedding embed;
    private readonly Activation act;
    private readonly Linear head;

    public Bigram(ModelConfig config) : base(nameof(Bigram), config)
    {
        embed = nn.Embedding(config.VocabSize, config.NEmbd);
        act = new Activation(config.ActivationSpec); // the configured activation, as a marked site
        head = nn.Linear(config.NEmbd, config.VocabSize);
        RegisterComponents();
    }

    /// <summary>V·C embedding weights, C·V + V head weights and biases.</summary>
    public static long ExpectedParameters(ModelConfig c) => (long)c.VocabSize * c.NEmbd + (long)c.NEmbd * c.VocabSize + c.VocabSize;

    public override Tensor forward(Tensor idx) => head.forward(act.forward(embed.forward(idx)));
}
