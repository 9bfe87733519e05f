using ReproSpecs.Harness.Records;
using ReproSpecs.Harness.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace ReproSpecs.Harness.Training;

/// <summary>Maps a profile's <see cref="DeviceKind"/> to a torch device, never falling back silently.</summary>
public static class DeviceResolver
{
    /// <summary>The torch device for <paramref name="kind"/>.</summary>
    /// <exception cref="DeviceUnavailableException">CUDA was asked for and is not usable here.</exception>
    public static Device Resolve(DeviceKind kind)
    {
        TorchRuntime.EnsureInitialized();
        if (kind == DeviceKind.Cpu) return torch.CPU;
        if (!TorchRuntime.CudaAvailable)
            throw new DeviceUnavailableException(UnavailableReason());
        return torch.CUDA;
    }

    /// <summary>Why CUDA cannot be used here, or null when it can.</summary>
    public static string? CudaUnavailableReason() => TorchRuntime.CudaAvailable ? null : UnavailableReason();

    private static string UnavailableReason()
    {
#if TORCH_CUDA
        return "this profile trains on CUDA, but no CUDA device is usable (driver or GPU missing). Fix: run it on a GPU machine, or choose the smoke or cpu profile.";
#else
        return "this profile trains on CUDA, but this build has the CPU libtorch. Fix: build with -p:TorchBackend=cuda on a GPU machine, or choose the smoke or cpu profile.";
#endif
    }
}
