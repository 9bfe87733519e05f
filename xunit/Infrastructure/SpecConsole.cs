using Xunit.Abstractions;
using Xunit.Sdk;

namespace ReproSpecs.Specs.Infrastructure;

/// <summary>
/// Where the spec run's own lines (progress, the end-of-run summary) go, so that under <c>dotnet test</c> they show
/// live, each once, and never as a warning. Under MSBuild's terminal logger (a terminal: <c>_MSBUILDTLENABLED=1</c>)
/// xunit's diagnostic messages are held back to the end and printed as MSBuild warnings, while the test host's
/// standard output is shown as it is written: lines go to standard output. Elsewhere (a CI log, a pipe, a file) the
/// test host's standard output is dropped and diagnostic messages are printed live as plain lines: lines go there.
/// </summary>
public sealed class SpecConsole(IMessageSink diagnostics)
{
    /// <summary>The variable MSBuild sets (to 1) in the test host's environment when its terminal logger draws the screen.</summary>
    public const string TerminalLoggerVariable = "_MSBUILDTLENABLED";

    /// <summary>Whether the run's output is drawn by MSBuild's terminal logger.</summary>
    public static bool UnderTerminalLogger => Environment.GetEnvironmentVariable(TerminalLoggerVariable) == "1";

    /// <summary>Writes one line, once, on the channel that shows it live.</summary>
    public void WriteLine(string line)
    {
        if (UnderTerminalLogger)
        {
            lock (Console.Out)
            {
                Console.Out.WriteLine(line);
                Console.Out.Flush();
            }
        }
        else diagnostics.OnMessage(new DiagnosticMessage(line));
    }
}
