using Xunit.Abstractions;
using Xunit;

namespace ReproSpecs.Specs.Infrastructure;

/// <summary>
/// The end of a spec run in a few lines: passed / failed / skipped, then each failure and each skip with its
/// one-line reason (e.g. <c>skipped CharLMSpecs.H1_…(activation: "gelu"): charlm/H1[gelu] inconclusive: …</c>), so
/// a run in a terminal or a CI log says what it decided without a logger switch. It sits between xunit and the
/// runner, counting the outcomes it passes on, and writes the summary when the assembly finishes.
/// </summary>
/// <param name="inner">The runner's sink, which every message still reaches.</param>
/// <param name="write">Where the summary lines go (<see cref="SpecConsole.WriteLine"/>).</param>
public sealed class RunSummary(IMessageSink inner, Action<string> write) : LongLivedMarshalByRefObject, IMessageSink
{
    private const string SpecsNamespace = "ReproSpecs.Specs.";
    private readonly List<string> _failed = [];
    private readonly List<string> _skipped = [];
    private int _passed;

    /// <inheritdoc />
    public bool OnMessage(IMessageSinkMessage message)
    {
        switch (message)
        {
            case ITestPassed:
                Interlocked.Increment(ref _passed);
                break;
            case ITestFailed failed:
                lock (_failed) _failed.Add($"{Name(failed.Test)}: {FirstLine(string.Join(" ", failed.Messages ?? []))}");
                break;
            case ITestSkipped skipped:
                lock (_skipped) _skipped.Add($"{Name(skipped.Test)}: {FirstLine(skipped.Reason)}");
                break;
            case ITestAssemblyFinished:
                foreach (var line in Lines()) write(line);
                break;
        }
        return inner.OnMessage(message);
    }

    /// <summary>The summary as it is written: a count line, then one line per failure and per skip.</summary>
    public IReadOnlyList<string> Lines()
    {
        var lines = new List<string> { $"ReproSpecs summary: {_passed} passed, {_failed.Count} failed, {_skipped.Count} skipped" };
        lines.AddRange(_failed.Select(f => $"  failed  {f}"));
        lines.AddRange(_skipped.Select(s => $"  skipped {s}"));
        return lines;
    }

    private static string Name(ITest test)
    {
        string name = test.DisplayName;
        if (name.StartsWith(SpecsNamespace, StringComparison.Ordinal))
        {
            // "ReproSpecs.Specs.Architectures.CharLMSpecs.Method(args)" → "CharLMSpecs.Method(args)".
            int paren = name.IndexOf('(');
            string head = paren < 0 ? name : name[..paren];
            int classDot = head.LastIndexOf('.', head.LastIndexOf('.') - 1);
            name = name[(classDot + 1)..];
        }
        return name;
    }

    private static string FirstLine(string? text)
    {
        string line = (text ?? "").Trim().Split('\n', 2)[0].Trim();
        return line.Length == 0 ? "(no message)" : line;
    }
}
