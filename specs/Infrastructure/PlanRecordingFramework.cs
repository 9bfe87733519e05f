using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: Xunit.TestFramework("ReproSpecs.Specs.Infrastructure.PlanRecordingFramework", "ReproSpecs.Specs")]

namespace ReproSpecs.Specs.Infrastructure;

/// <summary>
/// xunit's own test framework, except that the executor records the run's (filtered) test cases as a
/// <see cref="RunPlan"/> before running them: a hypothesis family must be fixed before its first verdict is
/// asked for, and only the runner knows which specs the run contains. It also ends the run with a short summary
/// (<see cref="RunSummary"/>) on the channel that shows it (<see cref="SpecConsole"/>).
/// </summary>
public sealed class PlanRecordingFramework(IMessageSink messageSink) : XunitTestFramework(messageSink)
{
    /// <inheritdoc />
    protected override ITestFrameworkExecutor CreateExecutor(AssemblyName assemblyName) =>
        new Executor(assemblyName, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class Executor(AssemblyName assemblyName, ISourceInformationProvider sourceInformationProvider, IMessageSink diagnosticMessageSink)
        : XunitTestFrameworkExecutor(assemblyName, sourceInformationProvider, diagnosticMessageSink)
    {
        protected override void RunTestCases(IEnumerable<IXunitTestCase> testCases, IMessageSink executionMessageSink, ITestFrameworkExecutionOptions executionOptions)
        {
            var cases = testCases.ToList();
            RunPlan.Record(RunPlan.FromTraits(cases.Select(c => (IReadOnlyDictionary<string, List<string>>)c.Traits)));
            var console = new SpecConsole(DiagnosticMessageSink);
            base.RunTestCases(cases, new RunSummary(executionMessageSink, console.WriteLine), executionOptions);
        }
    }
}
