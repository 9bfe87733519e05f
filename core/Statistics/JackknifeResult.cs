namespace ReproSpecs.Harness.Statistics;

/// <summary>A delete-one-seed jackknife of a statistic.</summary>
/// <param name="Estimate">The statistic on all K units.</param>
/// <param name="StandardError">Jackknife standard error, √((K−1)/K · Σ_k (θ₍₋ₖ₎ − θ̄₍·₎)²).</param>
/// <param name="Units">K, the number of units (seeds).</param>
/// <param name="LeaveOneOut">θ₍₋ₖ₎, the statistic without unit k.</param>
public sealed record JackknifeResult(double Estimate, double StandardError, int Units, IReadOnlyList<double> LeaveOneOut)
{
    /// <summary>Degrees of freedom of the t reference, K − 1.</summary>
    public int DegreesOfFreedom => Units - 1;
}
