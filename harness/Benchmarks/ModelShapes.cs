using ReproSpecs.Harness.Models;
using ReproSpecs.Harness.Training;
using TorchSharp;

namespace ReproSpecs.Harness.Benchmarks;

/// <summary>The GEMM shapes of one architecture at a profile, read from a freshly built model (<see cref="ModelGemms"/>).</summary>
public static class ModelShapes
{
    /// <summary>
    /// Share of a step's flops (<see cref="ModelFlops"/>) that its linear layers must hold for the own-shape ceiling to
    /// bound the whole step: below it (recurrent and convolutional kernels, long attention) a ratio to that ceiling says little.
    /// </summary>
    public const double MinShare = 0.8;

    /// <summary>Builds <paramref name="model"/> with <paramref name="activation"/> under the context's profile and lists its products.</summary>
    public static (IReadOnlyList<GemmShape> Shapes, double ShareOfStepFlops) For(ExperimentContext context, string model, string activation)
    {
        var p = context.Profile;
        using var scope = torch.NewDisposeScope();
        using var m = ModelRegistry.Create(model, CellConfigs.For(p, model, activation, context.Corpus).ModelConfig());
        var shapes = ModelGemms.Of(m, p.BatchSize, p.BlockSize);
        return (shapes, shapes.Sum(s => s.Count * s.Flops) / ModelFlops.TrainingStep(m, p.BatchSize, p.BlockSize));
    }
}
