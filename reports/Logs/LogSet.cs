using ReproSpecs.Harness;
using ReproSpecs.Harness.Records;

namespace ReproSpecs.Reports.Logs;

/// <summary>The test logs of a report, merged from any number of shards.</summary>
public sealed class LogSet
{
    private LogSet(IReadOnlyList<TestLog> logs, IReadOnlyList<(TestLog Copy, TestLog Of)> duplicates) => (Logs, Duplicates) = (logs, duplicates);

    /// <summary>The logs, ordered by display path, each test run once.</summary>
    public IReadOnlyList<TestLog> Logs { get; }

    /// <summary>
    /// Logs left out as copies of a log in <see cref="Logs"/> (the same test run id, times and outcomes, e.g. a CI step rerun into the same
    /// folder, or one file passed twice under two names), each with the log it copies: their outcomes are counted once.
    /// </summary>
    public IReadOnlyList<(TestLog Copy, TestLog Of)> Duplicates { get; }

    /// <summary>Every result of every log, ordered by group, test method, activation (study order), profile and log.</summary>
    public IReadOnlyList<SpecOutcome> Results => Logs.SelectMany(l => l.Results)
        .OrderBy(r => r.Group, Store.StudyOrder.Models)
        .ThenBy(r => r.Method.Split('(')[0], StringComparer.Ordinal)
        .ThenBy(r => r.Activation ?? "", Store.StudyOrder.Activations)
        .ThenBy(r => r.Method, StringComparer.Ordinal)
        .ThenBy(r => r.Profile ?? "", Store.StudyOrder.Profiles).ThenBy(r => r.Log, StringComparer.Ordinal).ToList();

    /// <summary>
    /// Reads TRX files, and every <c>*.trx</c> under the given folders (recursively).
    /// </summary>
    /// <param name="paths">Files or folders.</param>
    /// <param name="display">How a log's path is shown in the report.</param>
    /// <exception cref="ReproSpecsException">A path does not exist, or a folder holds no TRX file.</exception>
    public static LogSet Read(IEnumerable<string> paths, Func<string, string> display)
    {
        var files = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var path in paths.Select(Path.GetFullPath))
        {
            if (File.Exists(path)) files.Add(path);
            else if (Directory.Exists(path))
            {
                var found = Directory.EnumerateFiles(path, "*.trx", SearchOption.AllDirectories).ToList();
                if (found.Count == 0)
                    throw new ReproSpecsException($"Folder {path} holds no .trx test log. Fix: run the specs with 'dotnet test specs --logger trx' and pass the TestResults folder or the .trx files.");
                files.UnionWith(found);
            }
            else throw new ReproSpecsException($"Test log {path} does not exist. Fix: pass .trx files or folders that hold them (--logs).");
        }
        var logs = new List<TestLog>();
        var duplicates = new List<(TestLog, TestLog)>();
        var byRun = new Dictionary<string, TestLog>(StringComparer.Ordinal);
        foreach (var log in files.Select(f => TrxReader.Read(f, display(f))).OrderBy(l => l.DisplayPath, StringComparer.Ordinal))
        {
            // One run: the same run id, times and outcomes (a copy of the file under another name, or the same step's log twice).
            string key = $"{log.RunId}|{log.Started:O}|{log.Finished:O}|" +
                         string.Join("|", log.Results.Select(r => $"{r.TestName}={r.RawOutcome}").Order(StringComparer.Ordinal));
            if (byRun.TryGetValue(key, out var first)) duplicates.Add((log, first));
            else
            {
                byRun[key] = log;
                logs.Add(log);
            }
        }
        return new LogSet(logs, duplicates);
    }
}
