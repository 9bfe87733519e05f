using ReproSpecs.Harness.Runtime;
using Shouldly;
using TorchSharp;
using Xunit;

namespace ReproSpecs.Tests.Runtime;

/// <summary>Proves libtorch loads on this machine without a manual step (docs/design.md, "Loading TorchSharp on Debian 12").</summary>
public class TorchLoadTests
{
    [Fact]
    public void Torch_initialises_and_runs_a_tensor_op()
    {
        TorchRuntime.EnsureInitialized();
        using var a = torch.arange(6, dtype: torch.float32).reshape(2, 3);
        using var b = torch.ones(3, 2, dtype: torch.float32);
        using var c = a.matmul(b);
        c.data<float>().ToArray().ShouldBe(new float[] { 3, 3, 12, 12 });
    }

    [Fact]
    public void The_shipped_library_loads_against_the_system_libstdcxx()
    {
        TorchRuntime.EnsureInitialized();
        if (!OperatingSystem.IsLinux()) return;
        string? system = SystemLibStdCxx.Locate();
        system.ShouldNotBeNull("a Linux process running .NET has libstdc++ mapped");
        var defined = SystemLibStdCxx.DefinedVersions(system);
        foreach (var lib in TorchRuntime.CandidateLibraries())
        {
            var unmet = ElfImage.Load(lib).NeededVersions()
                .Where(v => v.File.StartsWith("libstdc++") && !defined.Contains(v.Name) && !v.IsWeak)
                .Select(v => v.Name).ToList();
            unmet.ShouldBeEmpty($"{lib} still needs versions {system} lacks");
        }
    }
}
