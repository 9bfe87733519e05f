using ReproSpecs.Harness.Metrics;
using ReproSpecs.Harness.Records;

namespace ReproSpecs.Harness.Statistics;

/// <summary>
/// What the statistics need of one cell (model, activation), with no torch types: each completed
/// trial's seeds, the K×K matrix of pairwise Relative PDs, and each trial's evaluation loss and accuracy.
/// Trials of different cells are paired by their <see cref="TrialSeeds"/> (trial k uses the same seeds for
/// every activation), so the seeds are the key that joins cells, not the trial's position.
/// </summary>
public sealed class CellSample
{
    private readonly double[,] _pd;

    /// <summary>Builds a sample from a precomputed pairwise matrix (the form simulations use).</summary>
    /// <param name="model">Architecture name.</param>
    /// <param name="activation">Activation name.</param>
    /// <param name="seeds">One entry per trial; all distinct.</param>
    /// <param name="pairwisePd">K×K symmetric matrix of Relative PDs (the diagonal is ignored).</param>
    /// <param name="loss">Per-trial evaluation loss, or null when not recorded.</param>
    /// <param name="accuracy">Per-trial evaluation accuracy, or null when not recorded.</param>
    /// <param name="allPositionsLoss">Per-trial loss over every position of every context (N·T predictions), or null.</param>
    /// <param name="allPositionsAccuracy">Per-trial accuracy over every position, or null.</param>
    /// <exception cref="ReproSpecsException">Shapes disagree, seeds repeat, or a PD is not finite and non-negative.</exception>
    public CellSample(string model, string activation, IReadOnlyList<TrialSeeds> seeds, double[,] pairwisePd,
        IReadOnlyList<double>? loss = null, IReadOnlyList<double>? accuracy = null,
        IReadOnlyList<double>? allPositionsLoss = null, IReadOnlyList<double>? allPositionsAccuracy = null)
    {
        Model = model;
        Activation = activation;
        int k = seeds.Count;
        string cell = Label;
        if (seeds.Distinct().Count() != k)
            throw new ReproSpecsException($"{cell}: two trials have the same seeds; every trial of a cell needs its own seeds (trial k uses base + k).");
        if (pairwisePd.GetLength(0) != k || pairwisePd.GetLength(1) != k)
            throw new ReproSpecsException($"{cell}: pairwise PD matrix is {pairwisePd.GetLength(0)}×{pairwisePd.GetLength(1)} for {k} trials; it must be K×K.");
        for (int i = 0; i < k; i++)
        for (int j = i + 1; j < k; j++)
        {
            double a = pairwisePd[i, j], b = pairwisePd[j, i];
            if (!double.IsFinite(a) || a < 0 || a != b)
                throw new ReproSpecsException($"{cell}: pairwise PD of trials {i} and {j} is {a} / {b}; it must be finite, non-negative and symmetric.");
        }
        if (loss is not null && loss.Count != k)
            throw new ReproSpecsException($"{cell}: {loss.Count} losses for {k} trials; give one per trial.");
        if (accuracy is not null && accuracy.Count != k)
            throw new ReproSpecsException($"{cell}: {accuracy.Count} accuracies for {k} trials; give one per trial.");
        if (allPositionsLoss is not null && allPositionsLoss.Count != k)
            throw new ReproSpecsException($"{cell}: {allPositionsLoss.Count} all-position losses for {k} trials; give one per trial.");
        if (allPositionsAccuracy is not null && allPositionsAccuracy.Count != k)
            throw new ReproSpecsException($"{cell}: {allPositionsAccuracy.Count} all-position accuracies for {k} trials; give one per trial.");
        Seeds = seeds.ToArray();
        _pd = (double[,])pairwisePd.Clone();
        Loss = loss?.ToArray();
        Accuracy = accuracy?.ToArray();
        AllPositionsLoss = allPositionsLoss?.ToArray();
        AllPositionsAccuracy = allPositionsAccuracy?.ToArray();
    }

    /// <summary>Architecture name.</summary>
    public string Model { get; }

    /// <summary>Activation name.</summary>
    public string Activation { get; }

    /// <summary><c>model/activation</c>, for messages.</summary>
    public string Label => $"{Model}/{Activation}";

    /// <summary>Seeds of each trial (the pairing key across cells).</summary>
    public IReadOnlyList<TrialSeeds> Seeds { get; }

    /// <summary>Number of trials K.</summary>
    public int Trials => Seeds.Count;

    /// <summary>Per-trial evaluation loss (null when not recorded).</summary>
    public IReadOnlyList<double>? Loss { get; }

    /// <summary>Per-trial evaluation accuracy (null when not recorded).</summary>
    public IReadOnlyList<double>? Accuracy { get; }

    /// <summary>Per-trial loss over every position of every context (null when not recorded).</summary>
    public IReadOnlyList<double>? AllPositionsLoss { get; }

    /// <summary>Per-trial accuracy over every position (null when not recorded).</summary>
    public IReadOnlyList<double>? AllPositionsAccuracy { get; }

    /// <summary>
    /// Why this cell fails its own spec (degenerate, did not learn, diverged trial; see <see cref="CellValidity"/>),
    /// or null when it passes. Every hypothesis that needs an invalid cell is inconclusive and names it.
    /// </summary>
    public string? Problem { get; init; }

    /// <summary>Relative PD of trials <paramref name="i"/> and <paramref name="j"/> (i ≠ j).</summary>
    public double Pd(int i, int j) => _pd[i, j];

    /// <summary>
    /// Mean Relative PD over every pair of the given trials (indices into this cell). This is the
    /// U-statistic the study reports per cell; it needs at least two trials.
    /// </summary>
    public double MeanPairwisePd(IReadOnlyList<int> trials)
    {
        if (trials.Count < 2) throw new ArgumentException("a mean pairwise PD needs at least two trials", nameof(trials));
        double sum = 0;
        int pairs = 0;
        for (int a = 0; a < trials.Count; a++)
        for (int b = a + 1; b < trials.Count; b++)
        {
            sum += _pd[trials[a], trials[b]];
            pairs++;
        }
        return sum / pairs;
    }

    /// <summary>Mean Relative PD over every pair of the cell's trials.</summary>
    public double MeanPairwisePd() => MeanPairwisePd(Enumerable.Range(0, Trials).ToArray());

    /// <summary>
    /// Builds a sample from each trial's row-major N×V probability matrix: the pairwise matrix is
    /// <see cref="PredictionDisagreement.Relative"/> of every pair.
    /// </summary>
    public static CellSample FromProbabilities(string model, string activation, IReadOnlyList<TrialSeeds> seeds,
        IReadOnlyList<float[]> probabilities, IReadOnlyList<double>? loss = null, IReadOnlyList<double>? accuracy = null,
        IReadOnlyList<double>? allPositionsLoss = null, IReadOnlyList<double>? allPositionsAccuracy = null)
    {
        if (probabilities.Count != seeds.Count)
            throw new ReproSpecsException($"{model}/{activation}: {probabilities.Count} probability matrices for {seeds.Count} trials; give one per trial.");
        int k = seeds.Count;
        var pd = new double[k, k];
        for (int i = 0; i < k; i++)
        for (int j = i + 1; j < k; j++)
            pd[i, j] = pd[j, i] = PredictionDisagreement.Relative(probabilities[i], probabilities[j]);
        return new CellSample(model, activation, seeds, pd, loss, accuracy, allPositionsLoss, allPositionsAccuracy);
    }

    /// <summary>
    /// Builds a sample from the pieces of a trained cell: its trial records and, per trial, the
    /// probabilities of the same weights (null for a diverged trial). Only completed trials with
    /// probabilities enter; a diverged trial has no predictions to compare, and its seed is then simply
    /// missing from this cell (comparisons use the seeds both cells completed).
    /// </summary>
    /// <param name="model">Architecture name.</param>
    /// <param name="activation">Activation name.</param>
    /// <param name="trials">The cell's trial records (<c>CellRecord.Trials</c>).</param>
    /// <param name="probabilities">Per trial, in the same order, the N×V probabilities of the scored weights.</param>
    /// <param name="bestWeights">Use the best-validation weights' scores instead of the final weights' (the default).</param>
    public static CellSample FromTrials(string model, string activation, IReadOnlyList<TrialRecord> trials,
        IReadOnlyList<float[]?> probabilities, bool bestWeights = false)
    {
        if (probabilities.Count != trials.Count)
            throw new ReproSpecsException($"{model}/{activation}: {probabilities.Count} probability matrices for {trials.Count} trial records; give one per trial.");
        var seeds = new List<TrialSeeds>();
        var probs = new List<float[]>();
        var loss = new List<double>();
        var accuracy = new List<double>();
        var allLoss = new List<double>();
        var allAccuracy = new List<double>();
        for (int k = 0; k < trials.Count; k++)
        {
            var score = bestWeights ? trials[k].Best : trials[k].Last;
            if (trials[k].Status != TrialStatus.Completed || score is null || probabilities[k] is null) continue;
            seeds.Add(trials[k].Seeds);
            probs.Add(probabilities[k]!);
            loss.Add(score.Loss);
            accuracy.Add(score.Accuracy);
            allLoss.Add(score.AllPositionsLoss);
            allAccuracy.Add(score.AllPositionsAccuracy);
        }
        return FromProbabilities(model, activation, seeds, probs, loss, accuracy, allLoss, allAccuracy);
    }

    /// <summary>
    /// Builds a sample from a <see cref="CellResult"/> (final weights unless <paramref name="bestWeights"/>),
    /// marked with <paramref name="problem"/> when the cell fails its spec (<see cref="CellValidity"/>).
    /// </summary>
    public static CellSample FromCellResult(CellResult result, bool bestWeights = false, string? problem = null) =>
        FromTrials(result.Record.Config.Model, result.Record.Config.Activation, result.Record.Trials,
            bestWeights ? result.BestProbabilities : result.LastProbabilities, bestWeights).WithProblem(problem);

    /// <summary>
    /// Builds a sample from a cell's record alone (its pairwise Relative PDs and per-trial scores), as a report or a
    /// merge of shards does when the probabilities stay on the machines that trained them. Gives the same sample as
    /// <see cref="FromCellResult"/> does from the probabilities. The sample is marked with the validity problems the
    /// cell recorded when it ran (<see cref="CellRecord.ValidityProblems"/>, all of <see cref="CellValidity"/>); a file
    /// from before they were recorded is marked only for diverged trials, the one check its record allows.
    /// </summary>
    public static CellSample FromCellRecord(CellRecord record, bool bestWeights = false)
    {
        var done = record.Trials.Where(t => t.Status == TrialStatus.Completed && (bestWeights ? t.Best : t.Last) is not null).ToList();
        var position = done.Select((t, i) => (t.Index, i)).ToDictionary(x => x.Index, x => x.i);
        var pd = new double[done.Count, done.Count];
        // A pair the record lacks must not read as perfect agreement: NaN is rejected by the constructor.
        for (int i = 0; i < done.Count; i++)
        for (int j = 0; j < done.Count; j++)
            if (i != j) pd[i, j] = double.NaN;
        foreach (var pair in record.Pairs)
        {
            if (!position.TryGetValue(pair.TrialA, out int a) || !position.TryGetValue(pair.TrialB, out int b)) continue;
            pd[a, b] = pd[b, a] = (bestWeights ? pair.Best : pair.Last).RelativePd;
        }
        Score ScoreOf(TrialRecord t) => (bestWeights ? t.Best : t.Last)!;
        var sample = new CellSample(record.Config.Model, record.Config.Activation, done.Select(t => t.Seeds).ToList(), pd,
            done.Select(t => ScoreOf(t).Loss).ToList(), done.Select(t => ScoreOf(t).Accuracy).ToList(),
            done.Select(t => ScoreOf(t).AllPositionsLoss).ToList(), done.Select(t => ScoreOf(t).AllPositionsAccuracy).ToList());
        if (record.ValidityProblems is { } recorded) return sample.WithProblem(CellValidity.Reason(recorded));
        int diverged = record.Trials.Count(t => t.Status == TrialStatus.Diverged); // older files: what the record alone shows
        return sample.WithProblem(diverged > 0 ? $"{record.Config.Model}/{record.Config.Activation}: {diverged} trial(s) diverged" : null);
    }

    /// <summary>A copy of this sample marked with <paramref name="problem"/> (null: unmarked).</summary>
    public CellSample WithProblem(string? problem) =>
        new(Model, Activation, Seeds, _pd, Loss, Accuracy, AllPositionsLoss, AllPositionsAccuracy) { Problem = problem };

    /// <summary>
    /// The sample of the first <paramref name="count"/> trials (in the order given: trial index order), as a
    /// sequential design's look at K = <paramref name="count"/> sees it; the whole sample when it has no more.
    /// </summary>
    public CellSample FirstTrials(int count)
    {
        if (count >= Trials) return this;
        if (count < 0) throw new ArgumentOutOfRangeException(nameof(count), count, "a trial count cannot be negative");
        var pd = new double[count, count];
        for (int i = 0; i < count; i++)
        for (int j = 0; j < count; j++)
            pd[i, j] = _pd[i, j];
        return new CellSample(Model, Activation, Seeds.Take(count).ToArray(), pd, Loss?.Take(count).ToArray(), Accuracy?.Take(count).ToArray(),
            AllPositionsLoss?.Take(count).ToArray(), AllPositionsAccuracy?.Take(count).ToArray()) { Problem = Problem };
    }
}
