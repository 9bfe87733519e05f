using ReproSpecs.Harness.Runtime;
using ReproSpecs.Harness.Training;
using Shouldly;
using TorchSharp;
using TorchSharp.Modules;
using Xunit;

namespace ReproSpecs.Tests.Training;

/// <summary>The best-weight snapshot: keeps the strictly lowest validation loss, restores exactly those weights.</summary>
public class BestWeightsTests
{
    private static List<Parameter> Parameters(float value)
    {
        TorchRuntime.EnsureInitialized();
        return [new Parameter(torch.full(3, value)), new Parameter(torch.full(2, 2, value))];
    }

    private static void Set(List<Parameter> parameters, float value)
    {
        using var noGrad = torch.no_grad();
        foreach (var p in parameters) p.fill_(value);
    }

    private static IEnumerable<float> Values(List<Parameter> parameters) =>
        parameters.SelectMany(p => p.data<float>().ToArray());

    [Fact]
    public void Keeps_the_step_with_the_lowest_validation_loss_and_restores_its_weights()
    {
        var parameters = Parameters(0);
        using var best = new BestWeights(parameters);
        best.Step.ShouldBe(0);
        best.ValLoss.ShouldBe(double.PositiveInfinity);

        foreach (var (step, val) in new[] { (0, 4.0), (10, 3.0), (20, 3.5), (30, 3.0), (40, 3.2) })
        {
            Set(parameters, step);
            best.Offer(step, val).ShouldBe(step is 0 or 10);
        }

        best.Step.ShouldBe(10, "a later tie does not replace the earlier step");
        best.ValLoss.ShouldBe(3.0);
        Values(parameters).ShouldAllBe(v => v == 40f);
        best.Restore();
        Values(parameters).ShouldAllBe(v => v == 10f);
        foreach (var p in parameters) p.Dispose();
    }

    [Fact]
    public void Without_an_improvement_the_initial_weights_are_restored()
    {
        var parameters = Parameters(1);
        using var best = new BestWeights(parameters);
        Set(parameters, 5);
        best.Offer(10, double.PositiveInfinity).ShouldBeFalse();
        best.Restore();
        Values(parameters).ShouldAllBe(v => v == 1f);
        best.Step.ShouldBe(0);
        foreach (var p in parameters) p.Dispose();
    }

    [Fact]
    public void Restoring_keeps_the_parameters_themselves_so_the_optimiser_still_holds_them()
    {
        var parameters = Parameters(1);
        var handles = parameters.Select(p => p.Handle).ToList();
        using var best = new BestWeights(parameters);
        best.Offer(0, 1.0);
        best.Restore();
        parameters.Select(p => p.Handle).ShouldBe(handles);
        parameters.ShouldAllBe(p => p.requires_grad);
        foreach (var p in parameters) p.Dispose();
    }
}
