namespace ReproSpecs.Harness.Design;

/// <summary>What an architecture is, without its implementation: enough for the study design, the statistics and the report.</summary>
/// <param name="Name">Registry key, e.g. <c>charlm</c>.</param>
/// <param name="DisplayName">Name for reports, e.g. <c>CharLM</c>.</param>
/// <param name="Family">Its family (H3's contrast groups).</param>
public sealed record ArchitectureInfo(string Name, string DisplayName, ArchitectureFamily Family);
