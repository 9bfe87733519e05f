using System.Globalization;
using System.Text;
using ReproSpecs.Harness.Records;

namespace ReproSpecs.Reports;

/// <summary>What the report is made from and where it goes.</summary>
/// <param name="Logs">TRX files or folders holding them (any number of shards).</param>
/// <param name="Results">Results folders (one, or one per shard).</param>
/// <param name="OutputDirectory">Folder for <c>appendix.md</c>, <c>appendix.html</c> and <c>figures/</c>.</param>
/// <param name="Profiles">Only these profiles (all when empty).</param>
public sealed record ReportInput(IReadOnlyList<string> Logs, IReadOnlyList<string> Results, string OutputDirectory, IReadOnlyList<string>? Profiles = null);
