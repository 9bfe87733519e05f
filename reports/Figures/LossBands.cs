namespace ReproSpecs.Reports.Figures;

/// <summary>The arithmetic behind the loss figure: a trailing moving average per trial, then mean, lowest and highest across trials per step.</summary>
public static class LossBands
{
    /// <summary>
    /// The trailing moving average of the first <paramref name="steps"/> values over <paramref name="window"/> steps
    /// (shorter at the start, where fewer steps exist). Non-finite values are skipped, never averaged in.
    /// </summary>
    public static double[] MovingAverage(float[] values, int steps, int window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        var result = new double[steps];
        double sum = 0;
        int count = 0;
        for (int i = 0; i < steps; i++)
        {
            if (float.IsFinite(values[i])) { sum += values[i]; count++; }
            int drop = i - window;
            if (drop >= 0 && float.IsFinite(values[drop])) { sum -= values[drop]; count--; }
            result[i] = count > 0 ? sum / count : double.NaN;
        }
        return result;
    }

    /// <summary>Per step, the mean, the lowest and the highest of the curves (all of one length).</summary>
    public static (double[] Mean, double[] Low, double[] High) Across(IReadOnlyList<double[]> curves)
    {
        int n = curves.Min(c => c.Length);
        var (mean, low, high) = (new double[n], new double[n], new double[n]);
        for (int i = 0; i < n; i++)
        {
            mean[i] = curves.Average(c => c[i]);
            low[i] = curves.Min(c => c[i]);
            high[i] = curves.Max(c => c[i]);
        }
        return (mean, low, high);
    }
}
