using ReproSpecs.Harness.Records;
using ReproSpecs.Harness.Results;

namespace ReproSpecs.Harness.Statistics;

/// <summary>Hypothesis verdict files in a results store (<c>&lt;profile&gt;/hypotheses/&lt;family&gt;.json</c>).</summary>
public static class HypothesisFiles
{
    /// <summary>Writes a hypothesis family's verdicts into <paramref name="store"/>.</summary>
    public static void SaveHypotheses(this ResultStore store, HypothesisReport report) =>
        SealedJson.Write(store.HypothesisPath(report.Profile, report.Family), report);
}
