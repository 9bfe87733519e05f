using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using ReproSpecs.Harness;
using ReproSpecs.Harness.Records;

namespace ReproSpecs.Reports.Logs;

/// <summary>
/// Reads Visual Studio TRX test logs (<c>dotnet test --logger trx</c>). The <c>Arch</c> trait is used when
/// the log carries it; the TRX logger usually drops xunit traits, so the architecture is otherwise taken
/// from the spec class name (<c>ConvLMSpecs</c> → <c>convlm</c>), which the specs keep in step with the trait.
/// </summary>
public static partial class TrxReader
{
    private static readonly XNamespace Ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    /// <summary>Reads one TRX file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="displayPath">How the report names the file (e.g. relative to the output folder).</param>
    /// <exception cref="ReproSpecsException">Missing or not a TRX log.</exception>
    public static TestLog Read(string path, string displayPath)
    {
        XDocument doc;
        try { doc = XDocument.Load(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or XmlException)
        {
            throw new ReproSpecsException($"Test log {path} cannot be read ({e.Message}). Fix: pass TRX files written by 'dotnet test --logger trx'.", e);
        }
        var run = doc.Root;
        if (run is null || run.Name != Ns + "TestRun")
            throw new ReproSpecsException($"Test log {path} is not a TRX file (no TestRun element) nor xunit XML. Fix: pass TRX files written by 'dotnet test --logger trx', or xunit XML results ('xunit.console … -xml FILE', 'dotnet test --logger xunit').");

        var definitions = run.Element(Ns + "TestDefinitions")?.Elements(Ns + "UnitTest")
            .ToDictionary(e => (string?)e.Attribute("id") ?? "", e => e) ?? [];
        string? logProfile = AnnouncedProfile(run);
        var times = run.Element(Ns + "Times");
        var results = new List<SpecOutcome>();
        foreach (var result in run.Element(Ns + "Results")?.Elements(Ns + "UnitTestResult") ?? [])
        {
            string name = (string?)result.Attribute("testName") ?? "";
            definitions.TryGetValue((string?)result.Attribute("testId") ?? "", out var definition);
            string className = (string?)definition?.Element(Ns + "TestMethod")?.Attribute("className") ?? ClassFromName(name);
            string method = name.StartsWith(className + ".", StringComparison.Ordinal) ? name[(className.Length + 1)..] : name;
            string raw = (string?)result.Attribute("outcome") ?? "Unknown";
            string message = Collapse(result.Element(Ns + "Output")?.Element(Ns + "ErrorInfo")?.Element(Ns + "Message")?.Value ?? "");
            results.Add(new SpecOutcome(
                name, className, method,
                Group: Trait(definition, "Arch") ?? GroupFromClass(className),
                Profile: CellLabelOf(message) ?? logProfile,
                Activation: ActivationOf(method),
                Outcome: raw switch
                {
                    "Passed" => OutcomeKind.Passed,
                    "NotExecuted" or "Inconclusive" or "NotRunnable" or "Pending" => OutcomeKind.Skipped,
                    _ => OutcomeKind.Failed,
                },
                raw, message,
                TimeSpan.TryParse((string?)result.Attribute("duration"), CultureInfo.InvariantCulture, out var d) ? d : TimeSpan.Zero,
                displayPath));
        }
        string? computer = (string?)run.Element(Ns + "Results")?.Elements(Ns + "UnitTestResult").FirstOrDefault()?.Attribute("computerName");
        return new TestLog(path, displayPath, computer, Date(times?.Attribute("start")), Date(times?.Attribute("finish")), logProfile, results,
            (string?)run.Attribute("id"));
    }

    /// <summary>
    /// The architecture a spec class belongs to: <c>ReproSpecs.Specs.Architectures.ConvLMSpecs</c> → <c>convlm</c>;
    /// a class outside <c>Architectures</c> keeps its short name (e.g. <c>HypothesisSpecs</c>).
    /// </summary>
    public static string GroupFromClass(string className)
    {
        string shortName = className[(className.LastIndexOf('.') + 1)..];
        bool architecture = className.Contains(".Architectures.", StringComparison.Ordinal);
        return architecture && shortName.EndsWith("Specs", StringComparison.Ordinal) && shortName.Length > 5
            ? shortName[..^5].ToLowerInvariant()
            : shortName;
    }

    /// <summary>The profile a message's cell label names (<c>smoke/charlm/relu: …</c>), or null.</summary>
    public static string? CellLabelOf(string message) => CellLabel().Match(message) is { Success: true } m ? m.Groups["profile"].Value : null;

    /// <summary>The <c>activation</c> argument of a theory's method name (<c>Cell_…(activation: "gelu")</c>), or null.</summary>
    public static string? ActivationOf(string method) => ActivationArgument().Match(method) is { Success: true } a ? a.Groups[1].Value : null;

    private static string? Trait(XElement? definition, string key)
    {
        if (definition is null) return null;
        // Properties written by some TRX loggers: <Properties><Property><Key>Arch</Key><Value>charlm</Value></Property></Properties>.
        foreach (var p in definition.Descendants(Ns + "Property"))
            if ((string?)p.Element(Ns + "Key") == key && (string?)p.Element(Ns + "Value") is { Length: > 0 } v) return v;
        // Categories: <TestCategory><TestCategoryItem TestCategory="Arch=charlm" /></TestCategory>.
        foreach (var c in definition.Descendants(Ns + "TestCategoryItem"))
            if ((string?)c.Attribute("TestCategory") is { } text && text.StartsWith(key + "=", StringComparison.Ordinal)) return text[(key.Length + 1)..];
        return null;
    }

    private static string? AnnouncedProfile(XElement run)
    {
        // The experiment fixture announces "ReproSpecs: profile smoke, 3 trials per cell, ..." in the run's diagnostics.
        foreach (var text in run.Descendants(Ns + "Text").Concat(run.Descendants(Ns + "StdOut")))
            if (ProfileAnnouncement().Match(text.Value) is { Success: true } m) return m.Groups[1].Value;
        return null;
    }

    private static string ClassFromName(string testName)
    {
        int paren = testName.IndexOf('(');
        string head = paren < 0 ? testName : testName[..paren];
        int dot = head.LastIndexOf('.');
        return dot < 0 ? "" : head[..dot];
    }

    private static DateTimeOffset? Date(XAttribute? attribute) =>
        DateTimeOffset.TryParse((string?)attribute, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static string Collapse(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"ReproSpecs: profile ([\w.-]+),")]
    private static partial Regex ProfileAnnouncement();

    [GeneratedRegex(@"^(?<profile>[\w.-]+)/(?<model>[\w.-]+)/(?<activation>[\w.-]+):")]
    private static partial Regex CellLabel();

    [GeneratedRegex(@"\bactivation: ""([^""]+)""")]
    private static partial Regex ActivationArgument();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
