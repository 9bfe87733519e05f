using System.Globalization;

namespace ReproSpecs.Harness.Statistics;

/// <summary>
/// Decides a family of hypotheses across the looks of a sequential design, with three outcomes instead of two.
/// <list type="bullet">
/// <item><b>Supported / contradicted</b> (efficacy): at each look every hypothesis not yet rejected is tested against
/// the O'Brien–Fleming-type boundary (<see cref="GroupSequentialBoundary"/>) of its Holm share α/m′, m′ the hypotheses
/// not yet rejected; each rejection frees its share for the others, which are then re-tested at the larger share on
/// every look they have had. This is Holm's procedure carried into a group-sequential design by α recycling
/// (Maurer &amp; Bretz 2013, Stat. Biopharm. Res. 5:311; Ye et al. 2013): the chance of any false supported or
/// contradicted verdict, over all looks and hypotheses, is at most α.</item>
/// <item><b>No meaningful effect</b> (equivalence): a hypothesis still open is stopped when its TOST p-value
/// (<see cref="EquivalenceTest"/>) crosses a one-sided boundary of level <see cref="SequentialOptions.EquivalenceAlpha"/>
/// spent the same way. Stopping is non-binding — the efficacy boundaries ignore it — so it costs no family-wise
/// error, and a later recycled share may still turn a stopped hypothesis into supported or contradicted.</item>
/// <item><b>Inconclusive</b>: open at the cap; the message carries the trials 80 % power would need.</item>
/// </list>
/// A hypothesis that rests on a cell failing its own spec (<see cref="Hypothesis.Blocked"/>) is stopped as
/// inconclusive at once: more trials cannot mend a cell that does not learn.
/// </summary>
public sealed class SequentialFamily
{
    private readonly SequentialOptions _options;
    private readonly List<Track> _tracks;
    private int _lastLook = -1;

    /// <summary>Opens the family: the hypotheses of the first look are its members, fixed for every later look.</summary>
    /// <exception cref="ReproSpecsException">Two hypotheses share an id.</exception>
    public SequentialFamily(SequentialOptions options, IEnumerable<string> members)
    {
        _options = options;
        _tracks = members.Select(id => new Track(id)).ToList();
        if (_tracks.Select(t => t.Id).Distinct().Count() != _tracks.Count)
            throw new ReproSpecsException("two hypotheses of the family share an id; give each its own.");
    }

    /// <summary>The design's settings.</summary>
    public SequentialOptions Options => _options;

    /// <summary>Ids of the hypotheses still open (they need more trials).</summary>
    public IReadOnlyList<string> Open => _tracks.Where(t => t.State == State.Open).Select(t => t.Id).ToList();

    /// <summary>The open hypotheses' latest forms (their <see cref="Hypothesis.Cells"/> say which cells must grow).</summary>
    public IReadOnlyList<Hypothesis> OpenHypotheses => _tracks.Where(t => t.State == State.Open && t.Looks.Count > 0).Select(t => t.Looks[^1].Hypothesis).ToList();

    /// <summary>
    /// Takes look <paramref name="look"/> (0-based, in schedule order): <paramref name="current"/> holds every open
    /// hypothesis computed on the look's K trials per cell; others in it are ignored. Then decides what it can.
    /// </summary>
    /// <exception cref="InvalidOperationException">Looks out of order, or past the schedule.</exception>
    public void Observe(int look, IReadOnlyList<Hypothesis> current)
    {
        if (look != _lastLook + 1 || look >= _options.Schedule.Count)
            throw new InvalidOperationException($"look {look} out of order (last was {_lastLook}, schedule has {_options.Schedule.Count})");
        _lastLook = look;
        var byId = current.GroupBy(h => h.Id).ToDictionary(g => g.Key, g => g.First());
        foreach (var track in _tracks.Where(t => t.State == State.Open))
        {
            if (!byId.TryGetValue(track.Id, out var h))
            {
                track.Stop(State.Blocked, look, "it could not be formed at this look (a cell it needs is missing)");
                continue;
            }
            track.Looks.Add(new Observation(look, h));
            if (h.Blocked is not null) track.Stop(State.Blocked, look, h.Blocked);
        }
        RejectWithRecycling();
        var equivalence = GroupSequentialBoundary.For(_options.Schedule, Math.Min(0.5, 2 * _options.EquivalenceAlpha));
        foreach (var track in _tracks.Where(t => t.State == State.Open))
        {
            var h = track.Looks[^1].Hypothesis;
            if (EquivalenceTest.PValue(h.Comparison, h.Direction, _options.MarginFor(h.Comparison.Scale)) is double p && p <= equivalence.NominalLevels[look] / 2)
                track.Stop(State.Equivalent, look, null);
        }
        if (look == _options.Schedule.Count - 1)
            foreach (var track in _tracks.Where(t => t.State == State.Open))
                track.Stop(State.Capped, look, null);
    }

    /// <summary>Number of hypotheses in the family.</summary>
    public int Count => _tracks.Count;

    /// <summary>Whether every hypothesis is decided (or stopped).</summary>
    public bool Done => _tracks.All(t => t.State != State.Open);

    private void RejectWithRecycling()
    {
        while (true)
        {
            int remaining = _tracks.Count(t => t.State != State.Rejected);
            if (remaining == 0) return;
            double share = _options.Alpha / remaining;
            var boundary = GroupSequentialBoundary.For(_options.Schedule, share);
            bool rejected = false;
            foreach (var track in _tracks.Where(t => t.State is State.Open or State.Equivalent))
            {
                var crossing = track.Looks.FirstOrDefault(o => Crosses(o.Hypothesis.Comparison, boundary.NominalLevels[o.Look]));
                if (crossing is null) continue;
                track.Reject(crossing.Look, share);
                rejected = true;
            }
            if (!rejected) return;
        }
    }

    private static bool Crosses(ComparisonResult c, double nominal) =>
        c.Direction != 0 && TTest.IsUsable(c.StandardError, c.DegreesOfFreedom) && c.PValue <= nominal;

    /// <summary>The family's verdicts, each with its stopping history (in member order; members never observed are left out).</summary>
    public IReadOnlyList<HypothesisVerdict> Verdicts()
    {
        int remaining = _tracks.Count(t => t.State != State.Rejected);
        double openShare = remaining == 0 ? _options.Alpha : _options.Alpha / remaining;
        var equivalence = GroupSequentialBoundary.For(_options.Schedule, Math.Min(0.5, 2 * _options.EquivalenceAlpha));
        var list = new List<HypothesisVerdict>();
        foreach (var track in _tracks.Where(t => t.Looks.Count > 0))
        {
            double share = track.State == State.Rejected ? track.Share : openShare;
            var efficacy = GroupSequentialBoundary.For(_options.Schedule, share);
            int decidedAt = track.State == State.Open ? track.Looks[^1].Look : track.StoppedAt;
            var decisive = track.Looks.LastOrDefault(o => o.Look <= decidedAt) ?? track.Looks[^1];
            var h = decisive.Hypothesis;
            var verdict = track.State switch
            {
                State.Rejected when h.Direction == ClaimDirection.Differs => Verdict.Supported,
                State.Rejected => h.Comparison.Direction == (h.Direction == ClaimDirection.Lower ? -1 : 1) ? Verdict.Supported : Verdict.Contradicted,
                State.Equivalent => Verdict.NoMeaningfulEffect,
                _ => Verdict.Inconclusive,
            };
            var looks = track.Looks.Select(o =>
            {
                var c = o.Hypothesis.Comparison;
                double? tost = EquivalenceTest.PValue(c, o.Hypothesis.Direction, _options.MarginFor(c.Scale));
                string outcome = o.Look < decidedAt || track.State == State.Open ? "continue" : Outcome(track.State, verdict);
                return new SequentialLook(o.Look + 1, _options.Schedule.Trials[o.Look], c.EffectPercent, c.CiLowPercent, c.CiHighPercent, c.PValue,
                    efficacy.NominalLevels[o.Look], tost, tost is null ? null : equivalence.NominalLevels[o.Look] / 2, outcome);
            }).Where(l => l.Look - 1 <= decidedAt).ToList();
            // The boundary-scaled p: ≤ α exactly when some look crossed the hypothesis's efficacy boundary at its share.
            double adjusted = Math.Min(1, track.Looks.Where(o => o.Look <= decidedAt && TTest.IsUsable(o.Hypothesis.Comparison.StandardError, o.Hypothesis.Comparison.DegreesOfFreedom))
                .Select(o => _options.Alpha * o.Hypothesis.Comparison.PValue / efficacy.NominalLevels[o.Look]).DefaultIfEmpty(1).Min());
            var history = new SequentialHistory(_options.Schedule.Trials, SequentialOptions.Spending, _options.MarginFor(h.Comparison.Scale), _options.EquivalenceAlpha,
                looks, decidedAt + 1, share);
            list.Add(new HypothesisVerdict(h, adjusted, _tracks.Count, _options.Alpha, verdict, Message(h, verdict, history, track.Reason, adjusted), history));
        }
        return list;
    }

    private static string Outcome(State state, Verdict verdict) => state switch
    {
        State.Rejected => verdict.ToString().ToLowerInvariant(),
        State.Equivalent => "no meaningful effect",
        State.Capped => "cap reached",
        State.Blocked => "not decidable",
        _ => "continue",
    };

    private string Message(Hypothesis h, Verdict verdict, SequentialHistory history, string? reason, double adjusted)
    {
        var inv = CultureInfo.InvariantCulture;
        var c = h.Comparison;
        var look = history.Looks.Count == 0 ? null : history.Looks[^1];
        string word = verdict == Verdict.NoMeaningfulEffect ? "no meaningful effect" : verdict.ToString().ToLowerInvariant();
        string where = string.Create(inv, $"look {history.DecidedAtLook} of {history.Schedule.Count} (K = {history.TrialsAtDecision} {c.UnitName}, cap {history.Schedule[^1]})");
        string why = verdict switch
        {
            Verdict.Supported or Verdict.Contradicted => string.Create(inv,
                $"crossed the efficacy boundary (p ≤ {P(look?.Boundary ?? double.NaN)} at Holm share α/m′ = {history.HolmShare:0.####}; boundary-scaled p = {P(adjusted)})"),
            Verdict.NoMeaningfulEffect => string.Create(inv,
                $"equivalence: TOST p = {P(look?.EquivalenceP ?? double.NaN)} ≤ {P(look?.EquivalenceBoundary ?? double.NaN)}, so the effect lies within ±{history.EquivalenceMarginPercent:0.##} %"),
            _ when reason is not null => $"stopped: {reason}",
            _ => c.UnitsFor80Power is int n
                ? string.Create(inv, $"cap reached undecided; 80 % power for the observed effect needs {n} {c.UnitName}")
                : "cap reached undecided; 80 % power for the observed effect is out of reach (effect ≈ 0)",
        };
        string claim = VerdictMapping.Claim(h);
        string line = string.Create(inv,
            $"{h.Id} {word}: {c.Label}: {Pct(c.EffectPercent)} (95 % CI {Pct(c.CiLowPercent)} to {Pct(c.CiHighPercent)}), p = {P(c.PValue)}; sequential, {where}: {why}. {claim}");
        return c.Note is null ? line : $"{line} Note: {c.Note}";
    }

    private static string Pct(double x) => VerdictMapping.Pct(x);

    private static string P(double p) => VerdictMapping.P(p);

    private enum State { Open, Rejected, Equivalent, Capped, Blocked }

    private sealed record Observation(int Look, Hypothesis Hypothesis);

    private sealed class Track(string id)
    {
        public string Id { get; } = id;
        public List<Observation> Looks { get; } = [];
        public State State { get; private set; } = State.Open;
        public int StoppedAt { get; private set; } = -1;
        public double Share { get; private set; }
        public string? Reason { get; private set; }

        public void Stop(State state, int look, string? reason) => (State, StoppedAt, Reason) = (state, look, reason);

        public void Reject(int look, double share) => (State, StoppedAt, Share) = (State.Rejected, look, share);
    }
}
