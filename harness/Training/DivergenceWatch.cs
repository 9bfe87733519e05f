using TorchSharp;
using static TorchSharp.torch;

namespace ReproSpecs.Harness.Training;

/// <summary>
/// Keeps every step's training loss on the device and reads them to the host only every few steps, when
/// it checks them for divergence (the first non-finite loss). Reading per step would make the host wait
/// for the device at every step; see docs/benchmarks.md ("no per-step host synchronisation").
/// </summary>
internal sealed class DivergenceWatch : IDisposable
{
    private readonly Tensor _device;
    private readonly float[] _host;

    /// <summary>A watch over <paramref name="maxIters"/> steps whose losses live on <paramref name="device"/>.</summary>
    public DivergenceWatch(int maxIters, Device device)
    {
        // NaN until written: a step never recorded can never pass for a finite one.
        _device = torch.full(maxIters, float.NaN, ScalarType.Float32, device: device);
        _host = new float[maxIters];
    }

    /// <summary>The first step (1-based; 0 for the initial evaluation) whose training or evaluation loss was not finite.</summary>
    public int? DivergedAt { get; private set; }

    /// <summary>Whether a loss has been found not finite.</summary>
    public bool Diverged => DivergedAt is not null;

    /// <summary>Steps whose losses have been read to the host and checked.</summary>
    public int CheckedUpTo { get; private set; }

    /// <summary>The training loss of every checked step.</summary>
    public float[] CheckedLosses => _host[..CheckedUpTo];

    /// <summary>The training loss of checked step <paramref name="step"/> (1-based).</summary>
    public float Loss(int step) => _host[step - 1];

    /// <summary>Stores step <paramref name="step"/>'s loss (a device tensor) without reading it. Call inside the step's dispose scope: it owns the slice.</summary>
    public void Record(int step, Tensor loss) => _device[step - 1].copy_(loss);

    /// <summary>Overwrites step <paramref name="step"/>'s loss with NaN (the <see cref="DivergenceFault"/> seam).</summary>
    public void Poison(int step) => _device[step - 1].fill_(float.NaN);

    /// <summary>Marks <paramref name="step"/> as diverged (an evaluation loss was not finite).</summary>
    public void MarkDiverged(int step) => DivergedAt ??= step;

    /// <summary>
    /// Reads the losses of the steps since the last check, through <paramref name="step"/>, in one host read,
    /// and records the first non-finite one. Returns true when training has diverged.
    /// </summary>
    public bool CheckThrough(int step)
    {
        using (var window = _device[CheckedUpTo..step].cpu())
            window.data<float>().CopyTo(_host, CheckedUpTo);
        for (int i = CheckedUpTo; i < step && DivergedAt is null; i++)
            if (!float.IsFinite(_host[i])) DivergedAt = i + 1;
        CheckedUpTo = step;
        return Diverged;
    }

    /// <inheritdoc />
    public void Dispose() => _device.Dispose();
}
