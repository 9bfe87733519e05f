namespace ReproSpecs.Harness.Records;

/// <summary>
/// The seed-source ablation (beyond the study): which sources of randomness differ between a cell's
/// trials. Each arm varies one source at a time while fixing the others at the base seed, so the
/// disagreement it measures is caused by that source alone.
/// </summary>
public enum SeedArm
{
    /// <summary>Every source varies (trial k: base+k for init, data order and dropout). The default and the study's.</summary>
    All,
    /// <summary>Only the weight initialisation varies; data order and dropout are fixed.</summary>
    InitOnly,
    /// <summary>Only the data order varies.</summary>
    DataOnly,
    /// <summary>Only the dropout masks vary.</summary>
    DropoutOnly,
    /// <summary>Every trial uses the same seeds: the noise floor. Exactly zero disagreement on CPU.</summary>
    SameSeed,
}

