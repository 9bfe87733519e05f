using Shouldly;

namespace ReproSpecs.Tests.Support;

/// <summary>Assertions about the one-line error messages users read.</summary>
public static class Messages
{
    /// <summary>The message is one line (no line break) that contains every one of <paramref name="parts"/>.</summary>
    public static void ShouldBeOneLineMentioning(this Exception e, params string[] parts)
    {
        e.Message.ShouldNotContain("\n", customMessage: $"message is not one line: {e.Message}");
        e.Message.ShouldNotContain("\r", customMessage: $"message is not one line: {e.Message}");
        foreach (var part in parts)
            e.Message.ShouldContain(part, Case.Sensitive, $"message does not mention '{part}': {e.Message}");
    }
}
