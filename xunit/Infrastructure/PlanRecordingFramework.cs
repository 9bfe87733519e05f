using System.Reflection;
using ReproSpecs.Harness.Extensions;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace ReproSpecs.Specs.Infrastructure;

/// <summary>
/// xunit's own test framework, except that the executor records the run's (filtered) test cases as a
/// <see cref="RunPlan"/> before running them: a hypothesis family must be fixed before its first verdict is
/// asked for, and only the runner knows which specs the run contains. It also ends the run with a short summary
/// (<see cref="RunSummary"/>) on the channel that shows it (<see cref="SpecConsole"/>). Before discovering or running
/// specs it applies the test assembly's <see cref="IReproSpecsPlugin"/>s, so its models and activations are registered
/// when the theories' data are read. The test assembly names it in a <c>TestFramework</c> attribute (build/ReproSpecsTestAssembly.cs).
/// </summary>
public sealed class PlanRecordingFramework(IMessageSink messageSink) : XunitTestFramework(messageSink)
{
    /// <inheritdoc />
    protected override ITestFrameworkDiscoverer CreateDiscoverer(IAssemblyInfo assemblyInfo)
    {
        if (assemblyInfo is IReflectionAssemblyInfo reflection) ReproSpecsPlugins.ApplyFrom(reflection.Assembly);
        return base.CreateDiscoverer(assemblyInfo);
    }

    /// <inheritdoc />
    protected override ITestFrameworkExecutor CreateExecutor(AssemblyName assemblyName)
    {
        ReproSpecsPlugins.ApplyFrom(Assembly.Load(assemblyName));
        return new Executor(assemblyName, SourceInformationProvider, DiagnosticMessageSink);
    }

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
