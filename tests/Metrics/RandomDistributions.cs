namespace ReproSpecs.Tests.Metrics;

/// <summary>Random N×V probability matrices (row-major, float32, rows sum to 1) for property tests.</summary>
internal static class RandomDistributions
{
    /// <summary>
    /// A matrix whose rows mix three shapes: flat-ish, peaked (a softmax of wide logits) and sparse
    /// (many exact zeros), so the metrics meet the cases trained models produce and the 0/0 guards.
    /// </summary>
    public static float[] Matrix(Random random, int rows, int vocab)
    {
        var m = new float[rows * vocab];
        var w = new double[vocab];
        for (int r = 0; r < rows; r++)
        {
            int kind = random.Next(3);
            for (int v = 0; v < vocab; v++)
            {
                w[v] = kind switch
                {
                    0 => random.NextDouble(),
                    1 => Math.Exp(6 * (random.NextDouble() - 0.5) * 2),
                    _ => random.Next(3) == 0 ? random.NextDouble() : 0,
                };
            }
            if (w.Sum() == 0) w[random.Next(vocab)] = 1;
            double sum = w.Sum();
            for (int v = 0; v < vocab; v++) m[r * vocab + v] = (float)(w[v] / sum);
        }
        return m;
    }

    /// <summary>Mean over rows of ½·Σ|a − b|, computed here independently of the harness.</summary>
    public static double MeanTotalVariation(float[] a, float[] b, int vocab)
    {
        int rows = a.Length / vocab;
        double total = 0;
        for (int r = 0; r < rows; r++)
        {
            double row = 0;
            for (int v = 0; v < vocab; v++) row += Math.Abs((double)a[r * vocab + v] - b[r * vocab + v]);
            total += 0.5 * row;
        }
        return total / rows;
    }

    /// <summary>One-hot rows: row n puts all mass on <paramref name="hot"/>(n).</summary>
    public static float[] OneHot(int rows, int vocab, Func<int, int> hot)
    {
        var m = new float[rows * vocab];
        for (int r = 0; r < rows; r++) m[r * vocab + hot(r)] = 1;
        return m;
    }
}
