namespace ReproSpecs.Harness.Configuration;

/// <summary>
/// One configuration mistake, one message. A bad setting (an unreadable corpus, an unknown profile, a malformed
/// number) is the same for every test, so instead of failing each test with the same message and a stack trace
/// a test host (the specs' fixture) stops the run before any test starts: the message is written once to standard error, with its fix, and the
/// test host exits with code 2, which <c>dotnet test</c> reports as an aborted (failed) run.
/// </summary>
public static class ConfigurationGate
{
    /// <summary>Exit code of a run stopped for a configuration error.</summary>
    public const int ExitCode = 2;

    /// <summary>Runs <paramref name="read"/>; on a <see cref="ReproSpecsException"/> reports it once and stops the run.</summary>
    public static T Check<T>(Func<T> read, Action<string>? stop = null)
    {
        try
        {
            return read();
        }
        catch (ReproSpecsException e)
        {
            (stop ?? StopRun)(Describe(e));
            throw; // only reached when a test replaces stopping the process
        }
    }

    /// <summary>The one line a user reads.</summary>
    public static string Describe(ReproSpecsException e) => $"ReproSpecs configuration error: {e.Message}";

    /// <summary>Set in the test host by MSBuild's terminal logger (an interactive terminal), which shows the host's standard output live.</summary>
    private const string TerminalLoggerVariable = "_MSBUILDTLENABLED";

    private static void StopRun(string message)
    {
        // VSTest quotes the host's standard error in its "test run aborted" line. In a terminal, where the host's
        // standard output is shown live, writing to standard error too would show the sentence twice; elsewhere
        // (a pipe, a CI log) standard output is dropped, and the quoted standard error is the one copy.
        var channel = Environment.GetEnvironmentVariable(TerminalLoggerVariable) == "1" ? Console.Out : Console.Error;
        channel.WriteLine(message);
        channel.Flush();
        Environment.Exit(ExitCode);
    }
}
