namespace ReproSpecs.Harness.Records;

/// <summary>How a cell's trials are scored before their predictions are compared.</summary>
public enum EvaluationProtocol
{
    /// <summary>
    /// Ours: every trial on the same fixed contexts (drawn once per profile from the scoring part of the
    /// validation text), so a pair's disagreement is caused by the trials' seeds alone.
    /// </summary>
    Corrected,
    /// <summary>
    /// The study's, as coded: each trial on its own fresh random validation windows, last position only,
    /// compared with the same Relative PD formula. Two bit-identical models already disagree under it, so
    /// it measures context sampling, not seeds: kept as a labelled negative control.
    /// </summary>
    AsCoded,
}
