using ReproSpecs.Harness.Statistics;
using ReproSpecs.Tests.Statistics.Simulation;
using Shouldly;
using Xunit;
using Xunit.Abstractions;

namespace ReproSpecs.Tests.Statistics;

/// <summary>Family-wise error over everything one study report decides (issue #18, item 3).</summary>
public class StudyFamilyTests(ITestOutputHelper output)
{
    private const double Alpha = 0.05;
    private static readonly double[] NoEffect = new double[6];

    /// <summary>
    /// The global null of the whole study: 6 architectures × 9 hypotheses + H3 + H3[contrast], K = 5. One Holm
    /// family over all of them keeps the chance of any false verdict at α; per-architecture families (the old
    /// design: m = 9 each, H3 alone) do not.
    /// </summary>
    [Fact]
    public void On_a_global_null_of_the_whole_study_a_report_gives_a_false_verdict_at_most_alpha_plus_two_points_of_the_time()
    {
        const int runs = 1000, k = 5;
        var regime = new PdRegime("mixed", 0.15, 0.05, 0.5);
        var rng = new Random(18);
        int study = 0, perArchitecture = 0, m = 0;
        for (int r = 0; r < runs; r++)
        {
            var cells = StudyModel.Draw(rng, k, regime, NoEffect);
            var all = StudyHypotheses.ForStudy(cells, Alpha);
            m = all.Count;
            if (HypothesisFamily.Decide(all, Alpha).Any(v => v.Verdict != Verdict.Inconclusive)) study++;
            bool anyFalse = all.GroupBy(h => h.Id.Contains('/') ? h.Id[..h.Id.IndexOf('/')] : h.Id)
                .Any(g => HypothesisFamily.Decide(g.ToList(), Alpha).Any(v => v.Verdict != Verdict.Inconclusive));
            if (anyFalse) perArchitecture++;
        }
        double fwer = study / (double)runs, old = perArchitecture / (double)runs;
        output.WriteLine($"global null, {m} hypotheses, K = {k}: family-wise error {fwer:F4} with one study family, {old:F4} with a family per architecture (and one per H3) over {runs} runs");
        m.ShouldBe(6 * 9 + 2);
        fwer.ShouldBeLessThanOrEqualTo(Alpha + 0.02);
        old.ShouldBeGreaterThan(Alpha + 0.02); // why the study-wide family is needed
    }

    [Fact]
    public void Re_adjusting_shards_over_everything_equals_deciding_the_study_at_once()
    {
        var cells = StudyModel.Draw(new Random(19), 5, new PdRegime("mixed", 0.1, 0.1, 0.5), [-0.4, -0.3, -0.2, 0, 0, 0]);
        var all = StudyHypotheses.ForStudy(cells, Alpha);
        var together = HypothesisFamily.Decide(all, Alpha);
        // Two shards decided on their own (each with its own, smaller m), then merged by a report.
        var shardA = HypothesisFamily.Decide(all.Where(h => h.Id.StartsWith("charlm/") || h.Id.StartsWith("minigpt/")).ToList(), Alpha);
        var shardB = HypothesisFamily.Decide(all.Where(h => !h.Id.StartsWith("charlm/") && !h.Id.StartsWith("minigpt/")).ToList(), Alpha);
        shardA[0].FamilySize.ShouldBe(18);
        var merged = HypothesisFamily.Readjust(shardA.Concat(shardB).Concat(shardA), Alpha); // a copy of a shard read twice is fine
        merged.Select(v => (v.Hypothesis.Id, v.AdjustedP, v.Verdict, v.FamilySize)).OrderBy(x => x.Id)
            .ShouldBe(together.Select(v => (v.Hypothesis.Id, v.AdjustedP, v.Verdict, v.FamilySize)).OrderBy(x => x.Id));
        merged.ShouldAllBe(v => v.FamilySize == 56);
    }

    [Fact]
    public void Re_adjusting_refuses_one_id_with_two_different_comparisons()
    {
        var cells = StudyModel.Draw(new Random(20), 5, new PdRegime("mixed", 0.1, 0.1, 0.5), NoEffect);
        var other = StudyModel.Draw(new Random(21), 5, new PdRegime("mixed", 0.1, 0.1, 0.5), NoEffect);
        var a = HypothesisFamily.Decide(StudyHypotheses.ForArchitecture("charlm", cells["charlm"]));
        var b = HypothesisFamily.Decide(StudyHypotheses.ForArchitecture("charlm", other["charlm"]));
        Should.Throw<ReproSpecs.Harness.ReproSpecsException>(() => HypothesisFamily.Readjust(a.Concat(b)));
    }
}
