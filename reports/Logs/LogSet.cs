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
    /// Reads test logs: TRX files and xunit XML results files (<see cref="XunitXmlReader"/>), and, under the given
    /// folders (recursively), every <c>*.trx</c> and every <c>*.xml</c> whose root is xunit's (other XML files there,
    /// such as coverage reports, are passed over).
    /// </summary>
    /// <param name="paths">Files or folders.</param>
    /// <param name="display">How a log's path is shown in the report.</param>
    /// <exception cref="ReproSpecsException">A path does not exist, or a folder holds no test log.</exception>
    public static LogSet Read(IEnumerable<string> paths, Func<string, string> display)
    {
        var files = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var path in paths.Select(Path.GetFullPath))
        {
            if (File.Exists(path)) files.Add(path);
            else if (Directory.Exists(path))
            {
                var found = Directory.EnumerateFiles(path, "*.trx", SearchOption.AllDirectories)
                    .Concat(Directory.EnumerateFiles(path, "*.xml", SearchOption.AllDirectories).Where(XunitXmlReader.IsXunitXml)).ToList();
                if (found.Count == 0)
                    throw new ReproSpecsException($"Folder {path} holds no test log (.trx, or xunit .xml). Fix: run the specs with 'dotnet test specs --logger trx' (or '--logger xunit') and pass the TestResults folder or the log files.");
                files.UnionWith(found);
            }
            else throw new ReproSpecsException($"Test log {path} does not exist. Fix: pass .trx or xunit .xml files, or folders that hold them (--logs).");
        }
        var logs = new List<TestLog>();
        var duplicates = new List<(TestLog, TestLog)>();
        var byRun = new Dictionary<string, TestLog>(StringComparer.Ordinal);
        var byTests = new Dictionary<string, TestLog>(StringComparer.Ordinal);
        // TRX first: when one run wrote both formats, the TRX is kept (it also carries the run's profile line and machine).
        foreach (var log in files.Select(f => ReadOne(f, display(f))).OrderBy(l => l.Format).ThenBy(l => l.DisplayPath, StringComparer.Ordinal))
        {
            // One run: the same run id, times and outcomes (a copy of the file under another name, or the same step's log twice).
            string key = $"{log.Format}|{log.RunId}|{log.Started:O}|{log.Finished:O}|" +
                         string.Join("|", log.Results.Select(r => $"{r.TestName}={r.RawOutcome}").Order(StringComparer.Ordinal));
            // One run in two formats (dotnet test --logger trx --logger xunit): the same tests, outcomes and durations to the tick.
            string? tests = TestsKey(log);
            if (byRun.TryGetValue(key, out var first)) duplicates.Add((log, first));
            else if (tests is not null && byTests.TryGetValue(tests, out var other) && other.Format != log.Format) duplicates.Add((log, other));
            else
            {
                byRun[key] = log;
                if (tests is not null) byTests.TryAdd(tests, log);
                logs.Add(log);
            }
        }
        return new LogSet(logs.OrderBy(l => l.DisplayPath, StringComparer.Ordinal).ToList(), duplicates);
    }

    private static TestLog ReadOne(string path, string display) =>
        path.EndsWith(".trx", StringComparison.OrdinalIgnoreCase) || !XunitXmlReader.IsXunitXml(path)
            ? TrxReader.Read(path, display)
            : XunitXmlReader.Read(path, display);

    /// <summary>
    /// The tests of a log with their grouped outcomes and exact durations; null when every duration is zero
    /// (then two different runs could match, so no two logs are taken for one on this evidence).
    /// </summary>
    private static string? TestsKey(TestLog log) =>
        log.Results.Any(r => r.Duration > TimeSpan.Zero)
            ? string.Join("|", log.Results.Select(r => $"{r.TestName}={r.Outcome}@{r.Duration.Ticks}").Order(StringComparer.Ordinal))
            : null;
}
