using ReproSpecs.Harness;
using ReproSpecs.Harness.Records;
using ReproSpecs.Reports.Logs;
using Shouldly;
using Xunit;

namespace ReproSpecs.Tests.Reports;

/// <summary>TRX parsing: outcomes, reasons, architecture from trait or class, profile, activation argument.</summary>
public class TrxReaderTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "reprospecs-trx-" + Guid.NewGuid().ToString("N")[..12]);

    public TrxReaderTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Outcomes_messages_groups_profiles_and_activations_are_read()
    {
        string path = Write("run.trx", """
            <?xml version="1.0" encoding="utf-8"?>
            <TestRun id="1" name="t" xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">
              <Times creation="2026-01-02T03:04:05+00:00" start="2026-01-02T03:04:05+00:00" finish="2026-01-02T04:00:00+00:00" />
              <Results>
                <UnitTestResult testId="a" testName="ReproSpecs.Specs.Architectures.ConvLMSpecs.Cell_is_finite(activation: &quot;relu&quot;)" computerName="gpu-7" duration="00:00:02.5000000" outcome="Failed">
                  <Output><ErrorInfo><Message>cpu/convlm/relu: mean Relative PD 0.20000 exceeds
            the baseline threshold | 0.15</Message><StackTrace>at X</StackTrace></ErrorInfo></Output>
                </UnitTestResult>
                <UnitTestResult testId="b" testName="ReproSpecs.Specs.Architectures.ConvLMSpecs.Causality" computerName="gpu-7" duration="00:00:00.1000000" outcome="Passed" />
                <UnitTestResult testId="c" testName="ReproSpecs.Specs.Hypotheses.H3Specs.Effect_depends_on_architecture" computerName="gpu-7" duration="00:00:01" outcome="NotExecuted">
                  <Output><ErrorInfo><Message>inconclusive: effect +2.0 %</Message></ErrorInfo></Output>
                </UnitTestResult>
                <UnitTestResult testId="d" testName="ReproSpecs.Specs.Odd.Named.Thing" computerName="gpu-7" duration="00:00:01" outcome="Timeout" />
              </Results>
              <TestDefinitions>
                <UnitTest name="x" id="a"><TestMethod className="ReproSpecs.Specs.Architectures.ConvLMSpecs" name="Cell_is_finite" /></UnitTest>
                <UnitTest name="y" id="b"><TestMethod className="ReproSpecs.Specs.Architectures.ConvLMSpecs" name="Causality" /></UnitTest>
                <UnitTest name="z" id="c">
                  <Properties><Property><Key>Arch</Key><Value>hypotheses</Value></Property></Properties>
                  <TestMethod className="ReproSpecs.Specs.Hypotheses.H3Specs" name="Effect_depends_on_architecture" />
                </UnitTest>
              </TestDefinitions>
              <ResultSummary outcome="Failed">
                <RunInfos><RunInfo computerName="gpu-7" outcome="Warning" timestamp="2026-01-02T03:04:05+00:00"><Text>[xUnit.net 00:00:03.21] ReproSpecs.Specs: ReproSpecs: profile lite, 3 trials per cell, 8 threads, results in r</Text></RunInfo></RunInfos>
              </ResultSummary>
            </TestRun>
            """);
        var log = TrxReader.Read(path, "run.trx");
        log.Computer.ShouldBe("gpu-7");
        log.Profile.ShouldBe("lite");
        log.Started.ShouldBe(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
        var byName = log.Results.ToDictionary(r => r.Method);

        var failed = byName["Cell_is_finite(activation: \"relu\")"];
        failed.Outcome.ShouldBe(OutcomeKind.Failed);
        failed.Group.ShouldBe("convlm");
        failed.Activation.ShouldBe("relu");
        failed.Profile.ShouldBe("cpu", "the message's cell label names the profile the test ran under");
        failed.Message.ShouldBe("cpu/convlm/relu: mean Relative PD 0.20000 exceeds the baseline threshold | 0.15");
        failed.Duration.ShouldBe(TimeSpan.FromSeconds(2.5));

        byName["Causality"].Outcome.ShouldBe(OutcomeKind.Passed);
        byName["Causality"].Profile.ShouldBe("lite", "without a label the run's announced profile applies");
        byName["Causality"].Activation.ShouldBeNull();

        var skipped = byName["Effect_depends_on_architecture"];
        skipped.Outcome.ShouldBe(OutcomeKind.Skipped);
        skipped.Group.ShouldBe("hypotheses", "the Arch trait wins over the class name when the log carries it");
        skipped.Message.ShouldBe("inconclusive: effect +2.0 %");

        var timeout = log.Results.Single(r => r.TestName == "ReproSpecs.Specs.Odd.Named.Thing");
        timeout.Outcome.ShouldBe(OutcomeKind.Failed);
        timeout.RawOutcome.ShouldBe("Timeout");
        timeout.Group.ShouldBe("Named", "a class outside Architectures keeps its short name");
    }

    [Theory]
    [InlineData("ReproSpecs.Specs.Architectures.CharLMSpecs", "charlm")]
    [InlineData("ReproSpecs.Specs.Architectures.NanoTransformerSpecs", "nanotransformer")]
    [InlineData("ReproSpecs.Specs.Architectures.TinyLSTMSpecs", "tinylstm")]
    [InlineData("ReproSpecs.Specs.Hypotheses.HypothesisSpecs", "HypothesisSpecs")]
    public void The_architecture_follows_the_spec_class_name(string className, string group) =>
        TrxReader.GroupFromClass(className).ShouldBe(group);

    [Fact]
    public void A_file_that_is_not_a_trx_log_is_a_clear_error()
    {
        string path = Write("bad.trx", "<html></html>");
        Should.Throw<ReproSpecsException>(() => TrxReader.Read(path, "bad.trx")).Message.ShouldContain("is not a TRX file");
        string broken = Write("broken.trx", "<TestRun");
        Should.Throw<ReproSpecsException>(() => TrxReader.Read(broken, "broken.trx")).Message.ShouldContain("cannot be read");
    }

    [Fact]
    public void Missing_logs_and_empty_folders_are_clear_errors()
    {
        Should.Throw<ReproSpecsException>(() => LogSet.Read([Path.Combine(_dir, "nope.trx")], p => p)).Message.ShouldContain("does not exist");
        Should.Throw<ReproSpecsException>(() => LogSet.Read([_dir], p => p)).Message.ShouldContain("holds no test log (.trx, or xunit .xml)");
    }

    [Fact]
    public void The_same_run_logged_twice_is_counted_once_and_named_as_a_copy()
    {
        const string Run = """
            <?xml version="1.0" encoding="utf-8"?>
            <TestRun id="RUNID" name="t" xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">
              <Results>
                <UnitTestResult testId="a" testName="ReproSpecs.Specs.Architectures.CharLMSpecs.Causality" duration="00:00:01" outcome="Passed" />
                <UnitTestResult testId="b" testName="ReproSpecs.Specs.Architectures.CharLMSpecs.H2" duration="00:00:01" outcome="NotExecuted" />
              </Results>
            </TestRun>
            """;
        Write("step/run.trx", Run.Replace("RUNID", "11111111-aaaa"));
        Write("step/run-rerun-copy.trx", Run.Replace("RUNID", "11111111-aaaa"));
        Write("other/run.trx", Run.Replace("RUNID", "22222222-bbbb"));

        var set = LogSet.Read([_dir], p => Path.GetRelativePath(_dir, p));
        set.Logs.Select(l => l.DisplayPath).ShouldBe(["other/run.trx", "step/run-rerun-copy.trx"]);
        set.Results.Count.ShouldBe(4, "two runs of two tests each; the copy of one run is not counted again");
        set.Duplicates.Single().Copy.DisplayPath.ShouldBe("step/run.trx");
        set.Duplicates.Single().Of.DisplayPath.ShouldBe("step/run-rerun-copy.trx");
    }

    private string Write(string name, string text)
    {
        string path = Path.Combine(_dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }
}
