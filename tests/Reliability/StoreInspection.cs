using ReproSpecs.Harness.Records;
using ReproSpecs.Harness.Results;
using Shouldly;

namespace ReproSpecs.Tests.Reliability;

/// <summary>Checks on a results folder after a run was killed or raced.</summary>
internal static class StoreInspection
{
    /// <summary>
    /// Every committed file must be whole: each trial JSON verifies and so do the probability files it
    /// names; a cell.json, when present, verifies. (Temporary files of killed writers may exist.)
    /// </summary>
    public static void AssertEveryCommittedFileIsWhole(string root)
    {
        if (!Directory.Exists(root)) return;
        foreach (var path in Directory.EnumerateFiles(root, "trial-*.json", SearchOption.AllDirectories))
        {
            var trial = SealedJson.Read<TrialRecord>(path); // throws on a partial or altered file
            foreach (var score in new[] { trial.Last, trial.Best }.OfType<Score>())
            {
                string probs = Path.Combine(Path.GetDirectoryName(path)!, score.ProbabilitiesFile);
                Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(probs)))
                    .ShouldBe(score.ProbabilitiesSha256, $"{probs} is referenced by a committed trial but is not whole");
            }
        }
        foreach (var path in Directory.EnumerateFiles(root, "cell.json", SearchOption.AllDirectories))
            ResultStore.LoadCell(path);
    }

    /// <summary>The numbers of every cell under <paramref name="root"/>, keyed by cell label, without times.</summary>
    public static SortedDictionary<string, string> Numbers(string root)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(root, "cell.json", SearchOption.AllDirectories))
        {
            var cell = ResultStore.LoadCell(path);
            var trials = cell.Trials.Select(t =>
                $"{t.Index}|{t.Seeds.Key}|{t.Status}|{string.Join(",", t.StepLosses.Select(l => BitConverter.SingleToInt32Bits(l)))}|" +
                $"{string.Join(",", t.History)}|{t.BestStep}|{t.Last}|{t.Best}");
            result[cell.Config.Label] = $"{cell.ConfigHash}\n{string.Join("\n", trials)}\n{string.Join("\n", cell.Pairs)}";
        }
        return result;
    }
}
