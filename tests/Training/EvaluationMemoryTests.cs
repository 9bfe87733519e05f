using ReproSpecs.Harness.Benchmarks;
using ReproSpecs.Harness.Models;
using ReproSpecs.Harness.Records;
using ReproSpecs.Harness.Training;
using ReproSpecs.Tests.Reliability;
using Shouldly;
using TorchSharp;
using Xunit;

namespace ReproSpecs.Tests.Training;

/// <summary>
/// The periodic evaluation's resident memory does not grow pass after pass. Before <c>NativeGarbage</c>, every SmeLU
/// call left five undisposed native Scalars between the 16 MiB activation blocks of a pass, glibc could neither merge
/// nor return the freed blocks, and one cpu-profile evaluation grew the process by ~45 MiB a pass (2.5 GiB resident for
/// 200 MiB of live data). A memory figure, but not a timed one: the growth it guards against is a hundred times the bound.
/// Runs alone (the reliability collection), so no other test's allocations move the process's resident size.
/// </summary>
[Collection(ReliabilityCollection.Name)]
public class EvaluationMemoryTests
{
    [Fact]
    public void Resident_memory_stays_flat_over_many_SmeLU_evaluation_passes_at_the_cpu_profile()
    {
        Harness.Runtime.TorchRuntime.EnsureInitialized();
        var profile = Profiles.Cpu;
        torch.manual_seed(1);
        using var model = ModelRegistry.Create("charlm", ModelConfigs.For(profile, "smelu_1"));
        using var split = torch.randint(65, [40_000], dtype: torch.ScalarType.Int64);
        using var starts = torch.randint(40_000 - profile.BlockSize - 1, [32, 32], dtype: torch.ScalarType.Int64); // 1,024 windows: 16 passes of 64
        Evaluation.EstimateLoss(model, split, starts, profile.BlockSize); // warm-up: libtorch's own one-time allocations

        double before = ProcessMemory.ResidentMiB();
        for (int i = 0; i < 3; i++) Evaluation.EstimateLoss(model, split, starts, profile.BlockSize); // 48 passes
        double growth = ProcessMemory.ResidentMiB() - before;

        growth.ShouldBeLessThan(300, $"resident memory grew {growth:F0} MiB over 48 evaluation passes (from {before:F0} MiB)");
    }
}
