namespace ReproSpecs.Harness.Configuration;

/// <summary>Default locations on the user's machine; each can be overridden by an environment variable.</summary>
public static class UserPaths
{
    /// <summary>
    /// The results store: <see cref="EnvironmentVariables.Results"/>, else <c>results/</c> beside the
    /// nearest <c>ReproSpecs.sln</c> above the working directory or the program (so <c>dotnet test</c>,
    /// which runs in <c>bin/</c>, writes to the repository's <c>results/</c>), else <c>./results</c>.
    /// </summary>
    public static string ResultsDirectory()
    {
        if (EnvironmentVariables.Get(EnvironmentVariables.Results) is { } explicitDir) return Path.GetFullPath(explicitDir);
        string? root = FindRepositoryRoot(Environment.CurrentDirectory) ?? FindRepositoryRoot(AppContext.BaseDirectory);
        return Path.Combine(root ?? Environment.CurrentDirectory, "results");
    }

    /// <summary>The nearest folder at or above <paramref name="start"/> that holds <c>ReproSpecs.sln</c>.</summary>
    public static string? FindRepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ReproSpecs.sln"))) return dir.FullName;
        return null;
    }
}
