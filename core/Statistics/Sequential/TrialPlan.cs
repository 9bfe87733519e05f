using System.Globalization;
using ReproSpecs.Harness.Configuration;

namespace ReproSpecs.Harness.Statistics;

/// <summary>
/// How many trials a run gives each cell: a fixed number, or a sequential design (<c>auto</c>) that adds trials in
/// looks until every hypothesis is decided or the cap is reached. Read from <c>REPROSPECS_TRIALS</c>,
/// <c>REPROSPECS_MAX_TRIALS</c> and <c>REPROSPECS_EQUIVALENCE_MARGIN</c>, or the CLI's <c>--trials</c>,
/// <c>--max-trials</c> and <c>--equivalence-margin</c>.
/// </summary>
/// <param name="Fixed">Trials per cell of a fixed design; for a sequential one, the first look's (the trials every cell gets).</param>
/// <param name="Sequential">The sequential design, or null for a fixed number of trials.</param>
public sealed record TrialPlan(int Fixed, SequentialOptions? Sequential)
{
    /// <summary>The word that asks for a sequential design.</summary>
    public const string Auto = "auto";

    /// <summary>The cap of a sequential design when none is given.</summary>
    public const int DefaultCap = 20;

    /// <summary>
    /// Parses the three settings. <paramref name="trials"/>: null (the profile's <paramref name="profileTrials"/>), a
    /// whole number, or <c>auto</c>; <paramref name="cap"/> and <paramref name="margin"/> only apply to <c>auto</c>.
    /// The names say where each value came from, for the error message.
    /// </summary>
    /// <exception cref="ConfigurationException">A malformed value, or a cap/margin given without <c>auto</c>.</exception>
    public static TrialPlan Parse(string? trials, string? cap, string? margin, int profileTrials, double alpha,
        string trialsName = EnvironmentVariables.Trials, string capName = EnvironmentVariables.MaxTrials, string marginName = EnvironmentVariables.EquivalenceMargin,
        string? metricMargin = null, string metricMarginName = EnvironmentVariables.MetricMargin)
    {
        if (!string.Equals(trials?.Trim(), Auto, StringComparison.OrdinalIgnoreCase))
        {
            int fixedTrials = WholeNumber.Parse(trials, trialsName, 2, WholeNumber.MaxTrials) ?? profileTrials;
            string? stray = cap is not null ? capName : margin is not null ? marginName : metricMargin is not null ? metricMarginName : null;
            if (stray is not null)
                throw new ConfigurationException($"{stray} only applies to a sequential design, but {trialsName} is {(trials is null ? "unset" : $"'{trials}'")}. Fix: set {trialsName}=auto, or unset {stray}.");
            return new TrialPlan(fixedTrials, null);
        }
        int max = WholeNumber.Parse(cap, capName, 3, WholeNumber.MaxTrials) ?? DefaultCap;
        double m = Percent(margin, marginName, SequentialOptions.DefaultMarginPercent);
        double metric = Percent(metricMargin, metricMarginName, SequentialOptions.DefaultMetricMarginPercent);
        var schedule = LookSchedule.UpTo(max);
        return new TrialPlan(schedule.Trials[0], new SequentialOptions(schedule, alpha, m, MetricMarginPercent: metric));
    }

    private static double Percent(string? text, string name, double fallback)
    {
        if (text is null) return fallback;
        return double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double m) && m > 0 && m < 100
            ? m
            : throw new ConfigurationException($"{name} must be a percentage between 0 and 100 (e.g. {fallback.ToString(CultureInfo.InvariantCulture)} for ±{fallback.ToString(CultureInfo.InvariantCulture)} %), got '{text}'. Fix: set it to such a number, or unset it.");
    }

    /// <summary>Reads the plan from the environment.</summary>
    public static TrialPlan FromEnvironment(int profileTrials, double alpha) => Parse(EnvironmentVariables.Get(EnvironmentVariables.Trials),
        EnvironmentVariables.Get(EnvironmentVariables.MaxTrials), EnvironmentVariables.Get(EnvironmentVariables.EquivalenceMargin), profileTrials, alpha,
        metricMargin: EnvironmentVariables.Get(EnvironmentVariables.MetricMargin));

    /// <summary>In words, for the run's first line.</summary>
    public override string ToString() => Sequential is { } s
        ? string.Create(CultureInfo.InvariantCulture, $"sequential design: trials added until decided, {s.Schedule}, cap {s.Schedule.Cap}, smallest effects of interest ±{s.EquivalenceMarginPercent:0.##} % (Relative PD), ±{s.MetricMarginPercent:0.##} % (loss, accuracy)")
        : $"{Fixed} trials per cell";
}
