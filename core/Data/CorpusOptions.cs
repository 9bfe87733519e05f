using ReproSpecs.Harness.Configuration;

namespace ReproSpecs.Harness.Data;

/// <summary>Which corpus to train on.</summary>
public sealed record CorpusOptions
{
    /// <summary>
    /// A text file to use instead of the shipped Tiny Shakespeare: a verified copy of it, or a UTF-8 text of
    /// the user's own. Null for the shipped copy.
    /// </summary>
    public string? ExplicitPath { get; init; }

    /// <summary>Options from the environment (<c>REPROSPECS_CORPUS</c>).</summary>
    /// <param name="explicitPath">An explicit path from a command-line option; it wins over the environment.</param>
    public static CorpusOptions FromEnvironment(string? explicitPath = null) => new()
    {
        ExplicitPath = explicitPath ?? EnvironmentVariables.Get(EnvironmentVariables.Corpus),
    };
}
