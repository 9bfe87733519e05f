namespace ReproSpecs.Reports.Logs;

/// <summary>The format a test log was read from.</summary>
public enum TestLogFormat
{
    /// <summary>Visual Studio TRX (<c>dotnet test --logger trx</c>).</summary>
    Trx,
    /// <summary>xunit's own XML, v2 format (<c>xunit.console -xml</c>, or <c>dotnet test --logger xunit</c>).</summary>
    XunitXml,
}
