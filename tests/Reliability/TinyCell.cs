using ReproSpecs.Harness.Records;
using ReproSpecs.Harness.Data;
using ReproSpecs.Harness.Training;

namespace ReproSpecs.Tests.Reliability;

/// <summary>A tiny profile on a synthetic corpus: trains a cell in a second, independent of the real corpus.</summary>
internal static class TinyCell
{
    public static readonly Profile Profile = new()
    {
        Name = "tiny-test", NEmbd = 16, NHead = 2, NLayer = 1, BlockSize = 16, BatchSize = 4, MaxIters = 40,
        EvalInterval = 10, EvalIters = 2, Device = DeviceKind.Cpu, EvalContexts = 20, LearningRate = 3e-3,
    };

    public static Corpus SyntheticCorpus()
    {
        var random = new Random(7);
        var text = new string(Enumerable.Range(0, 20_000).Select(_ => CharVocabulary.Characters[random.Next(1, 30)]).ToArray());
        return new Corpus(text, "synthetic", "synthetic-sha", CorpusOrigin.Explicit, Vocabulary.TinyShakespeare);
    }

    /// <summary>Records every progress note.</summary>
    public sealed class Notes : IProgressSink
    {
        private readonly List<string> _notes = [];
        public void Report(TrialProgress progress) { if (progress.Note is { } n) lock (_notes) _notes.Add(n); }
        public IReadOnlyList<string> All { get { lock (_notes) return _notes.ToList(); } }
    }

    /// <summary>Every file under a folder with its bytes' hash and last write time.</summary>
    public static SortedDictionary<string, string> Snapshot(string root) => new(
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).ToDictionary(
            p => Path.GetRelativePath(root, p),
            p => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(p))) + "@" + File.GetLastWriteTimeUtc(p).Ticks),
        StringComparer.Ordinal);
}
