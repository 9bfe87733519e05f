using ReproSpecs.Harness.Records;
using ReproSpecs.Harness.Statistics;
using Shouldly;
using Xunit;

namespace ReproSpecs.Tests.Statistics;

/// <summary>A cell that fails its own spec must not feed a verdict (issue #18, item 4).</summary>
public class CellValidityTests
{
    private const int N = 30, V = 8, K = 5;
    private const double Entropy = 2.0;

    private static TrialRecord Trial(int k, double loss = 1.0, TrialStatus status = TrialStatus.Completed) => new()
    {
        ConfigHash = "hash",
        Index = k,
        Seeds = TrialSeeds.All(42 + k),
        Status = status,
        DivergedAtStep = status == TrialStatus.Diverged ? 17 : null,
        Parameters = 1,
        EvalFingerprint = "eval",
        History = [new EvalPoint(10, loss, loss)],
        StepLosses = [(float)loss],
        BestStep = 10,
        Last = status == TrialStatus.Completed ? new Score(10, loss, 0.5, loss, 0.5) : null,
        Best = status == TrialStatus.Completed ? new Score(10, loss, 0.5, loss, 0.5) : null,
        Timing = new TrialTiming(1, 0, 0, 0, 1, 1),
        FinishedAt = DateTimeOffset.UnixEpoch,
    };

    /// <summary>N×V rows: a degenerate trial puts ~0.99 on character 0 in every row; a healthy one has its own random rows.</summary>
    private static float[] Probabilities(Random rng, bool degenerate)
    {
        var p = new float[N * V];
        for (int n = 0; n < N; n++)
        {
            var logits = Enumerable.Range(0, V).Select(v => degenerate ? (v == 0 ? 8.0 : 0.01 * rng.NextDouble()) : 2 * rng.NextDouble()).ToArray();
            double sum = logits.Sum(Math.Exp);
            for (int v = 0; v < V; v++) p[n * V + v] = (float)(Math.Exp(logits[v]) / sum);
        }
        return p;
    }

    private static (CellSample Sample, IReadOnlyList<string> Problems) Cell(Random rng, string activation, bool degenerate)
    {
        var trials = Enumerable.Range(0, K).Select(k => Trial(k)).ToList();
        var probs = Enumerable.Range(0, K).Select(_ => Probabilities(rng, degenerate)).ToList();
        var problems = CellValidity.Problems($"sim/{activation}", trials, probs, Entropy, V);
        return (CellSample.FromTrials("sim", activation, trials, probs.Cast<float[]?>().ToList()), problems);
    }

    [Fact]
    public void A_cell_whose_models_agree_because_they_predict_one_character_does_not_make_H1_supported()
    {
        var rng = new Random(5);
        var (gelu, geluProblems) = Cell(rng, "gelu", degenerate: true);
        var (relu, reluProblems) = Cell(rng, "relu", degenerate: false);
        reluProblems.ShouldBeEmpty();
        geluProblems.ShouldContain(p => p.Contains("degenerate"));

        // Without the rule the degenerate cell's near-zero PD is a huge, "significant" reproducibility gain.
        var unguarded = HypothesisFamily.Decide(StudyHypotheses.ForArchitecture("sim", new Dictionary<string, CellSample> { ["gelu"] = gelu, ["relu"] = relu }));
        unguarded.Single(v => v.Hypothesis.Id == "sim/H1[gelu]").Verdict.ShouldBe(Verdict.Supported);

        var marked = gelu.WithProblem(CellValidity.Reason(geluProblems));
        var verdicts = HypothesisFamily.Decide(StudyHypotheses.ForArchitecture("sim", new Dictionary<string, CellSample> { ["gelu"] = marked, ["relu"] = relu }));
        foreach (var id in new[] { "sim/H1[gelu]", "sim/H1[pooled]", "sim/H4[loss]", "sim/H4[accuracy]" })
        {
            var v = verdicts.Single(x => x.Hypothesis.Id == id);
            v.Verdict.ShouldBe(Verdict.Inconclusive, id);
            v.Message.ShouldContain("sim/gelu", customMessage: id);
            v.Message.ShouldContain("degenerate", customMessage: id);
        }
    }

    [Fact]
    public void A_cell_that_did_not_learn_or_diverged_is_named_with_the_reason()
    {
        var rng = new Random(6);
        var probs = Enumerable.Range(0, 3).Select(_ => (float[]?)Probabilities(rng, false)).ToList();
        CellValidity.Problems("m/a", [Trial(0, loss: 1.9), Trial(1, loss: 1.9), Trial(2, loss: 1.9)], probs, Entropy, V)
            .ShouldHaveSingleItem().ShouldContain("did not learn");
        var diverged = CellValidity.Problems("m/a", [Trial(0), Trial(1, status: TrialStatus.Diverged), Trial(2)], [probs[0], null, probs[2]], Entropy, V);
        diverged.ShouldHaveSingleItem().ShouldContain("trial 1");
        diverged[0].ShouldContain("diverged at step 17");
        CellValidity.Problems("m/a", [Trial(0), Trial(1), Trial(2)], probs, Entropy, V).ShouldBeEmpty();
    }

    [Fact]
    public void An_invalid_cell_whose_trials_are_identical_is_reported_not_a_crash()
    {
        // A cell whose PD is exactly 0 cannot even be compared (log 0); the hypothesis is still inconclusive and names it.
        var seeds = Enumerable.Range(0, 3).Select(k => TrialSeeds.All(42 + k)).ToList();
        var zero = new CellSample("sim", "gelu", seeds, new double[3, 3]) { Problem = "sim/gelu: trial 0 is degenerate" };
        var relu = new CellSample("sim", "relu", seeds, new double[,] { { 0, 0.1, 0.2 }, { 0.1, 0, 0.15 }, { 0.2, 0.15, 0 } });
        var v = HypothesisFamily.Decide(StudyHypotheses.ForArchitecture("sim", new Dictionary<string, CellSample> { ["gelu"] = zero, ["relu"] = relu }))
            .Single(x => x.Hypothesis.Id == "sim/H1[gelu]");
        v.Verdict.ShouldBe(Verdict.Inconclusive);
        v.Message.ShouldContain("sim/gelu: trial 0 is degenerate");
    }
}
