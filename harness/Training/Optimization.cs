using ReproSpecs.Harness.Data;
using ReproSpecs.Harness.Models;
using ReproSpecs.Harness.Runtime;
using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace ReproSpecs.Harness.Training;

/// <summary>The optimiser and the training step, shared by the trainer and the benchmark so both time the same work.</summary>
public static class Optimization
{
    /// <summary>AdamW over every parameter (as the study: decay applies to all of them), eps 1e-8.</summary>
    public static optim.Optimizer AdamW(IEnumerable<TorchSharp.Modules.Parameter> parameters, double lr, double beta1, double beta2, double weightDecay) =>
        optim.AdamW(parameters, lr, beta1, beta2, eps: 1e-8, weight_decay: weightDecay);

    /// <summary>
    /// One optimisation step on the sampler's next batch, then a young-generation collection (<see cref="NativeGarbage"/>). Returns the detached loss as a device tensor
    /// (never read here, so the host does not wait for the device); the caller's dispose scope owns it.
    /// </summary>
    public static Tensor Step(LanguageModel model, optim.Optimizer optimizer, BatchSampler sampler)
    {
        model.train();
        var (x, y) = sampler.Next();
        var logits = model.forward(x);
        var loss = F.cross_entropy(logits.view(-1, logits.shape[^1]), y.view(-1));
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
        NativeGarbage.Collect(); // the step's undisposed Scalars, before the next step's tensors land beside them
        return loss.detach();
    }
}
