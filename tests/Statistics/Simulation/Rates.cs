namespace ReproSpecs.Tests.Statistics.Simulation;

/// <summary>Rejection rates of simulated tests and their binomial standard error.</summary>
public static class Rates
{
    /// <summary>Fraction of <paramref name="runs"/> draws for which <paramref name="rejects"/> is true.</summary>
    public static double Of(int runs, Func<int, bool> rejects)
    {
        int hits = 0;
        for (int r = 0; r < runs; r++)
            if (rejects(r)) hits++;
        return (double)hits / runs;
    }

    /// <summary>Standard error of an estimated rate <paramref name="p"/> from <paramref name="runs"/> draws.</summary>
    public static double StandardError(double p, int runs) => Math.Sqrt(p * (1 - p) / runs);
}
