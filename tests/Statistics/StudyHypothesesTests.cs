using ReproSpecs.Harness.Statistics;
using ReproSpecs.Tests.Statistics.Simulation;
using Shouldly;
using Xunit;

namespace ReproSpecs.Tests.Statistics;

/// <summary>Which cells each study hypothesis pools, and on which predictions H4 is decided (issue #18, item 7).</summary>
public class StudyHypothesesTests
{
    [Fact]
    public void The_pooled_set_is_the_element_wise_smooth_activations_derived_from_the_registry()
    {
        StudyHypotheses.PooledActivations.ShouldBe(["smelu_05", "smelu_1", "gelu", "swish"]);
        StudyHypotheses.SmoothActivations.ShouldBe(["smelu_05", "smelu_1", "gelu", "swish", "swiglu"]);
    }

    [Fact]
    public void SwiGLU_keeps_its_own_H1_line_but_is_not_in_pooled_H1_or_H4()
    {
        var rng = new Random(9);
        var cells = TrialLevelModel.Draw(rng, "sim", StudyHypotheses.SmoothActivations.Append("relu").Select(a => new SimCell(a, 0.05)).ToArray(), 5,
            new PdRegime("mixed", 0.1, 0.1, 0.5)).ToDictionary(c => c.Activation);
        var hs = StudyHypotheses.ForArchitecture("sim", cells);
        hs.ShouldContain(h => h.Id == "sim/H1[swiglu]");
        foreach (var id in new[] { "sim/H1[pooled]", "sim/H4[loss]", "sim/H4[accuracy]" })
        {
            var label = hs.Single(h => h.Id == id).Comparison.Label;
            label.ShouldContain("{smelu_05, smelu_1, gelu, swish}", customMessage: id);
            label.ShouldNotContain("swiglu", customMessage: id);
        }
        hs.Count.ShouldBe(9);
    }

    [Fact]
    public void H4_is_decided_on_all_positions_and_reports_the_last_position_too()
    {
        var seeds = TrialLevelModel.Seeds(4);
        var pd = new double[,] { { 0, 0.1, 0.12, 0.11 }, { 0.1, 0, 0.13, 0.1 }, { 0.12, 0.13, 0, 0.12 }, { 0.11, 0.1, 0.12, 0 } };
        // Last position: no difference at all; all positions: smooth clearly higher loss.
        CellSample Cell(string a, double shift) => new("sim", a, seeds, pd,
            loss: [1.50, 1.52, 1.49, 1.51], accuracy: [0.5, 0.52, 0.49, 0.51],
            allPositionsLoss: [1.60 + shift, 1.63 + shift, 1.58 + shift, 1.62 + 1.1 * shift], allPositionsAccuracy: [0.45, 0.46, 0.44, 0.47]);
        var cells = new Dictionary<string, CellSample> { ["gelu"] = Cell("gelu", 0.2), ["relu"] = Cell("relu", 0) };
        var h4 = StudyHypotheses.ForArchitecture("sim", cells).Single(h => h.Id == "sim/H4[loss]").Comparison;
        h4.Label.ShouldContain("loss (all positions)");
        h4.EffectPercent.ShouldBeGreaterThan(10);
        h4.PValue.ShouldBeLessThan(0.01);
        h4.Note.ShouldNotBeNull().ShouldContain("last position only (N predictions): 0.00 %");
    }
}
