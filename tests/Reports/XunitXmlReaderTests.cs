using ReproSpecs.Harness;
using ReproSpecs.Reports;
using ReproSpecs.Reports.Logs;
using Shouldly;
using Xunit;

namespace ReproSpecs.Tests.Reports;

/// <summary>
/// xunit's own XML results (v2 format) as test logs, on two real files under <c>Fixtures/xunit</c>: the VSTest
/// xunit logger's file of a CharLM smoke run beside that run's TRX, and xunit.console's file of a run whose every
/// test failed (see the fixture README).
/// </summary>
public class XunitXmlReaderTests : IDisposable
{
    private static string Sample(params string[] parts) => Path.Combine([ReportWorkspace.FixtureDirectory, "xunit", .. parts]);

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "reprospecs-xunit-" + Guid.NewGuid().ToString("N")[..12]);

    public XunitXmlReaderTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void The_vstest_logger_s_file_gives_the_outcomes_its_run_s_trx_gives()
    {
        var xml = XunitXmlReader.Read(Sample("vstest-logger", "charlm.xml"), "charlm.xml");
        var trx = TrxReader.Read(Sample("vstest-logger", "charlm.trx"), "charlm.trx");
        xml.Format.ShouldBe(TestLogFormat.XunitXml);
        xml.Results.Count.ShouldBe(24);
        xml.Results.Count(r => r.Outcome == OutcomeKind.Passed).ShouldBe(15);
        xml.Results.Count(r => r.Outcome == OutcomeKind.Skipped).ShouldBe(9);
        var fromTrx = trx.Results.ToDictionary(r => r.TestName);
        foreach (var r in xml.Results)
        {
            var t = fromTrx[r.TestName];
            (r.ClassName, r.Method, r.Group, r.Activation, r.Outcome, r.Duration).ShouldBe((t.ClassName, t.Method, t.Group, t.Activation, t.Outcome, t.Duration), r.TestName);
        }
        xml.Results.Count(SpecKinds.IsCellSpec).ShouldBe(6);
        xml.Results.Where(r => r.Group != "charlm").ShouldBeEmpty("the Arch trait is read from the file's traits");
        xml.Started.ShouldBe(new DateTimeOffset(2026, 12, 2, 5, 40, 8, TimeSpan.Zero));
    }

    [Fact]
    public void One_run_logged_as_trx_and_as_xunit_xml_counts_once()
    {
        var logs = LogSet.Read([Sample("vstest-logger")], p => Path.GetFileName(p));
        logs.Logs.ShouldHaveSingleItem().Format.ShouldBe(TestLogFormat.Trx, "the TRX is kept: it also names the run's profile and machine");
        logs.Duplicates.ShouldHaveSingleItem().Copy.DisplayPath.ShouldBe("charlm.xml");
        logs.Results.Count.ShouldBe(24);
    }

    [Fact]
    public void Xunit_console_s_file_is_read_with_its_escapes_undone()
    {
        var log = XunitXmlReader.Read(Sample("console", "charlm.xml"), "charlm.xml");
        log.Results.Count.ShouldBe(24);
        log.Results.ShouldAllBe(r => r.Outcome == OutcomeKind.Failed && r.RawOutcome == "Fail");
        var cell = log.Results.Single(r => r.Method == "Cell_is_finite_learns_and_stays_within_its_baseline(activation: \"gelu\")");
        cell.Activation.ShouldBe("gelu", "xunit.console writes the name's quotes as \\\", which are undone");
        cell.Group.ShouldBe("charlm");
        cell.Message.ShouldStartWith("ReproSpecs.Harness.Runtime.TorchUnavailableException : TorchSharp's native libraries did not load");
        cell.Message.ShouldNotContain("\\n", Case.Sensitive, "its escaped line breaks are undone (then collapsed)");
    }

    [Fact]
    public void Skip_reasons_not_run_tests_and_assembly_errors_are_read()
    {
        // The documented v2 format (https://xunit.net/docs/format-xml-v2), as xunit.console writes it.
        string path = Write("run.xml", """
            <?xml version="1.0" encoding="utf-8"?>
            <assemblies timestamp="01/02/2026 03:04:05">
              <assembly name="ReproSpecs.Specs.dll" test-framework="xUnit.net 2.9.3.0" run-date="2026-01-02" run-time="03:04:05" time="12.5" total="4" passed="1" failed="1" skipped="2" errors="1">
                <errors>
                  <error type="test-class-cleanup" name="ReproSpecs.Specs.Architectures.ConvLMSpecs">
                    <failure exception-type="System.IO.IOException"><message><![CDATA[System.IO.IOException : disk full]]></message></failure>
                  </error>
                </errors>
                <collection name="c" time="12.5" total="4" passed="1" failed="1" skipped="2">
                  <test name="ReproSpecs.Specs.Architectures.ConvLMSpecs.Cell_is_finite(activation: \&quot;relu\&quot;)" type="ReproSpecs.Specs.Architectures.ConvLMSpecs" method="Cell_is_finite" time="2.25" result="Skip">
                    <traits><trait name="Arch" value="convlm" /></traits>
                    <reason><![CDATA[lite/convlm/relu: all checks passed,\nno baseline recorded]]></reason>
                  </test>
                  <test name="ReproSpecs.Specs.Architectures.ConvLMSpecs.Causality" type="ReproSpecs.Specs.Architectures.ConvLMSpecs" method="Causality" time="0.1" result="Pass" />
                  <test name="ReproSpecs.Specs.Architectures.ConvLMSpecs.Wiring" type="ReproSpecs.Specs.Architectures.ConvLMSpecs" method="Wiring" time="0" result="NotRun" />
                  <test name="ReproSpecs.Specs.Architectures.ConvLMSpecs.Seeds" type="ReproSpecs.Specs.Architectures.ConvLMSpecs" method="Seeds" time="0.5" result="Fail">
                    <failure exception-type="Xunit.Sdk.XunitException"><message><![CDATA[lite/convlm/relu: seeds collide]]></message><stack-trace><![CDATA[at X]]></stack-trace></failure>
                  </test>
                </collection>
              </assembly>
            </assemblies>
            """);
        var log = XunitXmlReader.Read(path, "run.xml");
        log.Profile.ShouldBe("lite", "the one profile its messages' cell labels name");
        log.Started.ShouldBe(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
        log.Finished.ShouldBe(new DateTimeOffset(2026, 1, 2, 3, 4, 17, 500, TimeSpan.Zero));
        var byMethod = log.Results.ToDictionary(r => r.Method);
        var skipped = byMethod["Cell_is_finite(activation: \"relu\")"];
        (skipped.Outcome, skipped.Activation, skipped.Profile, skipped.Message, skipped.Duration)
            .ShouldBe((OutcomeKind.Skipped, "relu", "lite", "lite/convlm/relu: all checks passed, no baseline recorded", TimeSpan.FromMilliseconds(2250)));
        byMethod["Causality"].Outcome.ShouldBe(OutcomeKind.Passed);
        byMethod["Wiring"].Outcome.ShouldBe(OutcomeKind.Skipped);
        byMethod["Seeds"].Message.ShouldBe("lite/convlm/relu: seeds collide");
        byMethod["Seeds"].Outcome.ShouldBe(OutcomeKind.Failed);
        var error = byMethod["[test-class-cleanup]"];
        (error.Outcome, error.RawOutcome, error.Group, error.Message).ShouldBe((OutcomeKind.Failed, "Error", "convlm", "System.IO.IOException : disk full"));
    }

    [Fact]
    public void A_folder_s_other_xml_files_are_passed_over_and_a_folder_without_a_log_is_an_error()
    {
        File.Copy(Sample("vstest-logger", "charlm.xml"), Path.Combine(_dir, "charlm.xml"));
        Write("coverage.cobertura.xml", "<?xml version=\"1.0\"?><coverage line-rate=\"0.5\" />");
        var logs = LogSet.Read([_dir], p => Path.GetFileName(p));
        logs.Logs.ShouldHaveSingleItem().DisplayPath.ShouldBe("charlm.xml");

        string empty = Directory.CreateDirectory(Path.Combine(_dir, "empty")).FullName;
        File.WriteAllText(Path.Combine(empty, "coverage.xml"), "<coverage />");
        var e = Should.Throw<ReproSpecsException>(() => LogSet.Read([empty], p => p));
        e.Message.ShouldContain("holds no test log");
        e.Message.ShouldContain("Fix:");
    }

    [Fact]
    public void A_file_that_is_neither_trx_nor_xunit_xml_is_one_clear_error()
    {
        string path = Write("other.xml", "<coverage />");
        var e = Should.Throw<ReproSpecsException>(() => LogSet.Read([path], p => p));
        e.Message.ShouldContain("is not a TRX file");
        e.Message.ShouldContain("Fix:");
    }

    [Fact]
    public void The_report_command_reads_xunit_xml()
    {
        using var ws = new ReportWorkspace();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int code = ReproSpecs.Reports.Cli.ReportCommand.Create(stdout, stderr)
            .Parse(["--logs", Sample("vstest-logger", "charlm.xml"), "--results", ws.ShardA, ws.ShardB, "--out", ws.Output])
            .Invoke(new System.CommandLine.InvocationConfiguration { Output = stdout, Error = stderr });
        code.ShouldBe(0, stderr.ToString());
        stdout.ToString().ShouldContain("Specs: 15 passed, 0 failed, 9 skipped.");
        File.ReadAllText(Path.Combine(ws.Output, "appendix.md")).ShouldContain("`Cell_is_finite_learns_and_stays_within_its_baseline(activation: \"swiglu\")`");
    }

    [Fact]
    public void Xunit_console_escapes_are_undone()
    {
        XunitXmlReader.Unescape(@"a \""b\"" c").ShouldBe("a \"b\" c");
        XunitXmlReader.Unescape(@"line\nnext\ttab\\back").ShouldBe("line\nnext\ttab\\back");
        XunitXmlReader.Unescape(@"nul\0 bell\x07abc").ShouldBe("nul\0 bell\u0007abc", "two hex digits for a control character");
        XunitXmlReader.Unescape(@"\xd83d").ShouldBe(((char)0xD83D).ToString(), "four for a lone surrogate");
        XunitXmlReader.Unescape(@"trailing \").ShouldBe(@"trailing \");
        XunitXmlReader.Unescape(@"\q stays").ShouldBe(@"\q stays");
    }

    private string Write(string name, string text)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }
}
