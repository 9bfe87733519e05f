using ArchUnitNET.Domain;
using ArchUnitNET.Loader;
using ArchUnitNET.xUnit;
using ReproSpecs.Harness.Models;
using ReproSpecs.Harness.Records;
using ReproSpecs.Reports.Store;
using Shouldly;
using Xunit;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace ReproSpecs.Tests.Architecture;

/// <summary>
/// The layers in a line, as rules that fail the build's tests when broken (docs/design.md, "Layers"):
/// configuration, design, records, corpus, metrics ← results ← statistics (ReproSpecs.Core, no torch) ← runtime,
/// models, training (torch) ← cells ← specs/CLI/report. The torch-free
/// layers are their own assembly (ReproSpecs.Core), so "no TorchSharp" there is enforced by the compiler too; these
/// rules also catch a namespace cycle or a test framework creeping into the libraries.
/// </summary>
public sealed class LayeringTests
{
    private static readonly System.Reflection.Assembly Core = typeof(CellConfig).Assembly;
    private static readonly System.Reflection.Assembly Harness = typeof(ModelRegistry).Assembly;
    private static readonly System.Reflection.Assembly Reports = typeof(StudyOrder).Assembly;

    private static readonly Lazy<ArchUnitNET.Domain.Architecture> Libraries = new(() =>
        new ArchLoader().LoadAssemblies(Core, Harness, Reports).Build());

    private static IEnumerable<string> References(System.Reflection.Assembly assembly) => assembly.GetReferencedAssemblies().Select(a => a.Name!);

    [Fact]
    public void The_core_the_report_and_the_statistics_never_need_TorchSharp()
    {
        References(Core).ShouldNotContain(n => n.StartsWith("TorchSharp", StringComparison.Ordinal));
        References(Reports).ShouldNotContain(n => n.StartsWith("TorchSharp", StringComparison.Ordinal));
        References(Reports).ShouldNotContain("ReproSpecs.Harness", "a report renders from files alone");
    }

    [Fact]
    public void No_library_references_a_test_framework()
    {
        foreach (var assembly in new[] { Core, Harness, Reports })
            References(assembly).ShouldNotContain(n => n.StartsWith("xunit", StringComparison.OrdinalIgnoreCase) || n.StartsWith("Shouldly", StringComparison.Ordinal),
                $"{assembly.GetName().Name} is a library, not a test project");
    }

    [Fact]
    public void Statistics_records_design_and_results_depend_on_no_torch_type()
    {
        Types().That().ResideInNamespaceMatching(@"ReproSpecs\.Harness\.(Statistics|Records|Design|Results|Metrics)")
            .Should().NotDependOnAny(Types().That().ResideInNamespaceMatching(@"TorchSharp(\..*)?"))
            .Check(Libraries.Value);
    }

    [Fact]
    public void Lower_layers_never_reach_up_to_training_cells_or_the_report()
    {
        Types().That().ResideInNamespaceMatching(@"ReproSpecs\.Harness\.(Statistics|Records|Design|Results|Metrics|Configuration)")
            .Should().NotDependOnAny(Types().That().ResideInNamespaceMatching(@"ReproSpecs\.(Harness\.(Training|Cells|Models|Activations|Benchmarks|Runtime)|Reports)(\..*)?"))
            .Check(Libraries.Value);
        Types().That().ResideInNamespaceMatching(@"ReproSpecs\.Harness\.(Records|Design|Results|Metrics)")
            .Should().NotDependOnAny(Types().That().ResideInNamespaceMatching(@"ReproSpecs\.Harness\.Statistics"))
            .Check(Libraries.Value);
    }

    /// <summary>
    /// The harness's namespaces (a sub-namespace such as <c>Models.Blocks</c> belongs to its parent: blocks and models
    /// are one component) depend on each other without a cycle, so they can be read, and layered, in a line.
    /// </summary>
    [Fact]
    public void The_harness_namespaces_form_no_cycle()
    {
        const string root = "ReproSpecs.Harness.";
        static string? Component(IType t) =>
            t.Namespace?.FullName is { } ns && ns.StartsWith(root, StringComparison.Ordinal) ? ns[root.Length..].Split('.')[0] : null;
        var edges = new Dictionary<string, Dictionary<string, string>>();
        foreach (var type in Libraries.Value.Types)
        {
            if (Component(type) is not { } from) continue;
            foreach (var dependency in type.Dependencies)
            {
                if (Component(dependency.Target) is not { } to || to == from) continue;
                if (!edges.TryGetValue(from, out var targets)) edges[from] = targets = new();
                targets.TryAdd(to, $"{type.FullName} -> {dependency.Target.FullName}");
            }
        }
        edges.Count.ShouldBeGreaterThan(6, "the dependency graph was read (records, results, statistics, data, models, training, cells, …)");
        var state = new Dictionary<string, int>(); // 1 on the path, 2 done
        var path = new List<string>();
        string? Visit(string node)
        {
            state[node] = 1;
            path.Add(node);
            foreach (var (next, example) in edges.GetValueOrDefault(node) ?? [])
            {
                if (state.GetValueOrDefault(next) == 1)
                    return $"{string.Join(" -> ", path.SkipWhile(p => p != next))} -> {next} (e.g. {example})";
                if (state.GetValueOrDefault(next) == 0 && Visit(next) is { } cycle) return cycle;
            }
            path.RemoveAt(path.Count - 1);
            state[node] = 2;
            return null;
        }
        foreach (var node in edges.Keys.Order(StringComparer.Ordinal))
            if (state.GetValueOrDefault(node) == 0 && Visit(node) is { } cycle)
                throw new Xunit.Sdk.XunitException($"namespace cycle: {cycle}");
    }
}
