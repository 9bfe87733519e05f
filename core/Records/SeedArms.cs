namespace ReproSpecs.Harness.Records;

/// <summary>Seeds and names of the <see cref="SeedArm"/>s.</summary>
public static class SeedArms
{
    /// <summary>Every arm, the study's first.</summary>
    public static readonly IReadOnlyList<SeedArm> All = [SeedArm.All, SeedArm.InitOnly, SeedArm.DataOnly, SeedArm.DropoutOnly, SeedArm.SameSeed];

    /// <summary>The seeds of trial <paramref name="k"/> of <paramref name="arm"/> around <paramref name="baseSeed"/>.</summary>
    public static TrialSeeds SeedsOf(SeedArm arm, long baseSeed, int k) => arm switch
    {
        SeedArm.All => TrialSeeds.All(baseSeed + k),
        SeedArm.InitOnly => new TrialSeeds(baseSeed + k, baseSeed, baseSeed),
        SeedArm.DataOnly => new TrialSeeds(baseSeed, baseSeed + k, baseSeed),
        SeedArm.DropoutOnly => new TrialSeeds(baseSeed, baseSeed, baseSeed + k),
        SeedArm.SameSeed => TrialSeeds.All(baseSeed),
        _ => throw new ArgumentOutOfRangeException(nameof(arm)),
    };

    /// <summary>The seeds of every trial of <paramref name="arm"/>.</summary>
    public static IReadOnlyList<TrialSeeds> Seeds(SeedArm arm, long baseSeed, int trials) =>
        Enumerable.Range(0, trials).Select(k => SeedsOf(arm, baseSeed, k)).ToList();

    /// <summary>The arm's name in files and settings: all, init, data, dropout, same.</summary>
    public static string Name(SeedArm arm) => arm switch
    {
        SeedArm.All => "all",
        SeedArm.InitOnly => "init",
        SeedArm.DataOnly => "data",
        SeedArm.DropoutOnly => "dropout",
        SeedArm.SameSeed => "same",
        _ => throw new ArgumentOutOfRangeException(nameof(arm)),
    };

    /// <summary>Parses a comma-separated list of arm names (<c>all</c>, <c>init</c>, <c>data</c>, <c>dropout</c>, <c>same</c>, or <c>every</c>).</summary>
    /// <exception cref="ConfigurationException">An unknown name; the message lists the known ones.</exception>
    public static IReadOnlyList<SeedArm> Parse(string text)
    {
        var names = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (names.Contains("every", StringComparer.OrdinalIgnoreCase)) return All;
        return names.Select(n => All.FirstOrDefault(a => string.Equals(Name(a), n, StringComparison.OrdinalIgnoreCase), (SeedArm)(-1)) is var arm && arm >= 0
                ? arm
                : throw new ConfigurationException($"Unknown seed-ablation arm '{n}'. Known arms: {string.Join(", ", All.Select(Name))} (or 'every')."))
            .Distinct().ToList();
    }
}
