using ReproSpecs.Harness.Configuration;
using Shouldly;
using Xunit;
using Xunit.Abstractions;

namespace ReproSpecs.Tests.Reliability;

/// <summary>
/// The fault-injection soak (<see cref="SoakDriver"/>). CI runs the short form (one round of every fault
/// kind); the long form is <c>REPROSPECS_SOAK_ROUNDS=N dotnet test tests --filter FullyQualifiedName~Soak</c>.
/// </summary>
[Collection(ReliabilityCollection.Name)]
public sealed class SoakTests(ITestOutputHelper output)
{
    [SkippableFact]
    public void Every_fault_kind_is_survived_and_loses_nothing()
    {
        int rounds = int.TryParse(EnvironmentVariables.Get(EnvironmentVariables.SoakRounds), out int r) && r > 0 ? r : 1;
        int seed = int.TryParse(EnvironmentVariables.Get(EnvironmentVariables.SoakSeed), out int s) ? s : 20260114;
        var tallies = new SoakDriver(output.WriteLine, seed).Run(rounds);
        foreach (var t in tallies)
            output.WriteLine($"| {t.Kind} | {t.Injected} | {t.Survived} | {t.Lost} | {t.Skipped ?? ""} |");
        tallies.Sum(t => t.Lost).ShouldBe(0, string.Join("; ", tallies.Where(t => t.Lost > 0).Select(t => t.Kind)));
        tallies.Where(t => t.Skipped is null).ShouldAllBe(t => t.Injected >= rounds);
    }
}
