using ReproSpecs.Harness.Records;

namespace ReproSpecs.Reports.Logs;

/// <summary>One test log (one shard's run).</summary>
/// <param name="Path">Absolute path.</param>
/// <param name="DisplayPath">How the report names it.</param>
/// <param name="Computer">Machine it ran on.</param>
/// <param name="Started">When the run started.</param>
/// <param name="Finished">When it finished.</param>
/// <param name="Profile">Profile announced by the run's diagnostics, when present.</param>
/// <param name="Results">Its test results.</param>
/// <param name="RunId">The test run's id (the TRX <c>TestRun</c> id): two files with one id are copies of one run.</param>
/// <param name="Format">The format it was read from.</param>
public sealed record TestLog(string Path, string DisplayPath, string? Computer, DateTimeOffset? Started, DateTimeOffset? Finished, string? Profile, IReadOnlyList<SpecOutcome> Results,
    string? RunId = null, TestLogFormat Format = TestLogFormat.Trx);
