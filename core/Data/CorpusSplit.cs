namespace ReproSpecs.Harness.Data;

/// <summary>The study's split of a corpus: contiguous, the first 90 % for training, the last 10 % for validation.</summary>
public static class CorpusSplit
{
    /// <summary>Fraction of the corpus used for training (the first part); the rest is validation.</summary>
    public const double TrainFraction = 0.9;

    /// <summary>Training tokens of a corpus of <paramref name="length"/> tokens (1,003,854 for Tiny Shakespeare).</summary>
    public static int TrainLength(int length) => (int)(length * TrainFraction);
}
