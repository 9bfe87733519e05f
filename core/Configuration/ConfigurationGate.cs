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

    private static void StopRun(string message)
    {
        Console.Error.WriteLine(message);
        Console.Error.Flush();
        Environment.Exit(ExitCode);
    }
}
