using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using ReproSpecs.Harness;

namespace ReproSpecs.Reports.Logs;

/// <summary>
/// Reads xunit's own XML results (the xunit v2 format, https://xunit.net/docs/format-xml-v2), as written by
/// <c>xunit.console … -xml results.xml</c> or by the VSTest xunit logger (<c>dotnet test --logger xunit</c>, package
/// XunitXml.TestLogger): <c>&lt;assemblies&gt;&lt;assembly&gt;&lt;collection&gt;&lt;test result="Pass|Fail|Skip|NotRun"&gt;</c>, each
/// test with its traits, <c>&lt;failure&gt;&lt;message&gt;</c> or skip <c>&lt;reason&gt;</c>. Assembly-level errors
/// (<c>&lt;errors&gt;&lt;error&gt;</c>: a fixture or class cleanup that threw) are results too, failed: they would
/// otherwise vanish from the report. The format records no machine and no zone for its run time (read as UTC).
/// </summary>
public static partial class XunitXmlReader
{
    /// <summary>Whether <paramref name="path"/> is an xunit XML results file (its root is <c>assemblies</c> or <c>assembly</c>).</summary>
    public static bool IsXunitXml(string path)
    {
        try
        {
            using var reader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
            return reader.MoveToContent() == XmlNodeType.Element && reader.LocalName is "assemblies" or "assembly" && reader.NamespaceURI.Length == 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or XmlException)
        {
            return false;
        }
    }

    /// <summary>Reads one xunit XML results file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="displayPath">How the report names the file.</param>
    /// <exception cref="ReproSpecsException">Missing, not XML, or not xunit's format.</exception>
    public static TestLog Read(string path, string displayPath)
    {
        const string fix = "Fix: pass xunit XML written by 'xunit.console … -xml FILE' or 'dotnet test --logger xunit' (XunitXml.TestLogger), or TRX from 'dotnet test --logger trx'.";
        XDocument doc;
        try { doc = XDocument.Load(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or XmlException)
        {
            throw new ReproSpecsException($"Test log {path} cannot be read ({e.Message}). {fix}", e);
        }
        var root = doc.Root;
        var assemblies = root?.Name.LocalName switch
        {
            "assemblies" => root.Elements("assembly").ToList(),
            "assembly" => [root],
            _ => null,
        };
        if (assemblies is null)
            throw new ReproSpecsException($"Test log {path} is not xunit XML (its root is <{root?.Name.LocalName}>, not <assemblies>). {fix}");

        var results = new List<SpecOutcome>();
        DateTimeOffset? started = null, finished = null;
        foreach (var assembly in assemblies)
        {
            // xunit.console (it writes test-framework) escapes quotes, line breaks and control characters with backslashes; the VSTest logger writes text as is.
            bool escaped = assembly.Attribute("test-framework") is not null;
            string Text(string? s) => escaped ? Unescape(s ?? "") : s ?? "";
            if (RunStart(assembly) is { } start)
            {
                started = started is { } s0 && s0 < start ? s0 : start;
                var end = start + Seconds(assembly.Attribute("time"));
                finished = finished is { } f0 && f0 > end ? f0 : end;
            }
            foreach (var test in assembly.Descendants("test"))
            {
                string name = Text((string?)test.Attribute("name"));
                string className = Text((string?)test.Attribute("type")) is { Length: > 0 } type ? type : ClassFromName(name);
                string method = name.StartsWith(className + ".", StringComparison.Ordinal) ? name[(className.Length + 1)..] : name;
                string raw = (string?)test.Attribute("result") ?? "Unknown";
                string message = Collapse(Text(test.Element("failure")?.Element("message")?.Value ?? test.Element("reason")?.Value ?? ""));
                results.Add(Outcome(name, className, method, Trait(test, "Arch"), raw, message, Seconds(test.Attribute("time")), displayPath));
            }
            foreach (var error in assembly.Element("errors")?.Elements("error") ?? [])
            {
                // <error type="test-class-cleanup" name="ReproSpecs.Specs.Architectures.CharLMSpecs">: not a test, but a failure of the run.
                string name = Text((string?)error.Attribute("name")) is { Length: > 0 } n ? n : (string?)error.Attribute("type") ?? "error";
                string type = (string?)error.Attribute("type") ?? "error";
                string message = Collapse(Text(error.Element("failure")?.Element("message")?.Value ?? ""));
                results.Add(Outcome(name, name, $"[{type}]", null, "Error", message, TimeSpan.Zero, displayPath));
            }
        }
        // No run-wide profile line in this format: the profile is the one the cell labels of its messages name, when they name one.
        var profiles = results.Select(r => r.Profile).OfType<string>().Distinct().ToList();
        string? logProfile = profiles.Count == 1 ? profiles[0] : null;
        if (logProfile is not null) results = results.Select(r => r.Profile is null ? r with { Profile = logProfile } : r).ToList();
        return new TestLog(path, displayPath, null, started, finished, logProfile, results, null, TestLogFormat.XunitXml);
    }

    private static SpecOutcome Outcome(string name, string className, string method, string? arch, string raw, string message, TimeSpan duration, string log)
    {
        var label = TrxReader.CellLabelOf(message);
        return new SpecOutcome(
            name, className, method,
            Group: arch ?? TrxReader.GroupFromClass(className),
            Profile: label,
            Activation: TrxReader.ActivationOf(method),
            Outcome: raw switch
            {
                "Pass" => OutcomeKind.Passed,
                "Skip" or "NotRun" => OutcomeKind.Skipped,
                _ => OutcomeKind.Failed,
            },
            raw, message, duration, log);
    }

    private static string? Trait(XElement test, string key) =>
        test.Element("traits")?.Elements("trait").FirstOrDefault(t => (string?)t.Attribute("name") == key) is { } t && (string?)t.Attribute("value") is { Length: > 0 } v ? v : null;

    private static DateTimeOffset? RunStart(XElement assembly)
    {
        string? date = (string?)assembly.Attribute("run-date"), time = (string?)assembly.Attribute("run-time");
        return date is not null && time is not null &&
               DateTime.TryParseExact($"{date} {time}", "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var d)
            ? new DateTimeOffset(d, TimeSpan.Zero) : null;
    }

    private static TimeSpan Seconds(XAttribute? attribute) =>
        double.TryParse((string?)attribute, NumberStyles.Float, CultureInfo.InvariantCulture, out double s) && double.IsFinite(s) && s >= 0 && s < 1e9
            ? TimeSpan.FromTicks((long)Math.Round(s * TimeSpan.TicksPerSecond)) // to the tick, as TRX records it (so one run's two logs match)
            : TimeSpan.Zero;

    private static string ClassFromName(string testName)
    {
        int paren = testName.IndexOf('(');
        string head = paren < 0 ? testName : testName[..paren];
        int dot = head.LastIndexOf('.');
        return dot < 0 ? "" : head[..dot];
    }

    /// <summary>Undoes xunit.console's escaping: <c>\\</c>, <c>\"</c>, <c>\n</c>, <c>\r</c>, <c>\t</c>, <c>\0</c>, <c>\xHH</c> and <c>\xHHHH</c>.</summary>
    internal static string Unescape(string text)
    {
        if (!text.Contains('\\')) return text;
        var sb = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] != '\\' || i + 1 == text.Length) { sb.Append(text[i]); continue; }
            char next = text[i + 1];
            switch (next)
            {
                case '\\': sb.Append('\\'); i++; break;
                case '"': sb.Append('"'); i++; break;
                case 'n': sb.Append('\n'); i++; break;
                case 'r': sb.Append('\r'); i++; break;
                case 't': sb.Append('\t'); i++; break;
                case '0': sb.Append('\0'); i++; break;
                case 'x' when Hex(text, i + 2) is var (value, digits) && digits > 0:
                    sb.Append((char)value);
                    i += 1 + digits;
                    break;
                default: sb.Append('\\'); break;
            }
        }
        return sb.ToString();
    }

    // xunit writes a control character as \xHH and a lone surrogate (or U+FFFE, U+FFFF) as \xHHHH: four digits
    // are read only when they name such a character, so "\x07abc" stays a bell followed by "abc".
    private static (int Value, int Digits) Hex(string text, int at)
    {
        if (at + 4 <= text.Length && int.TryParse(text.AsSpan(at, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int wide)
            && (wide is >= 0xD800 and <= 0xDFFF || wide >= 0xFFFE))
            return (wide, 4);
        if (at + 2 <= text.Length && int.TryParse(text.AsSpan(at, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int narrow))
            return (narrow, 2);
        return (0, 0);
    }

    private static string Collapse(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
