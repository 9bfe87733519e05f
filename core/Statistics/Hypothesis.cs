namespace ReproSpecs.Harness.Statistics;

/// <summary>A claim and the comparison that tests it.</summary>
/// <param name="Id">Short id, e.g. <c>charlm/H1[smelu_1]</c>.</param>
/// <param name="Claim">The claim in words.</param>
/// <param name="Direction">Which way the claim says A differs from B.</param>
/// <param name="Comparison">The comparison of A with B.</param>
/// <param name="Cells">The cells (<c>model/activation</c>) the comparison rests on: what a sequential design must grow to re-decide it. Null in older files.</param>
/// <param name="Blocked">Why the hypothesis cannot be decided whatever the data (a cell it needs fails its own spec), or null.</param>
public sealed record Hypothesis(string Id, string Claim, ClaimDirection Direction, ComparisonResult Comparison,
    IReadOnlyList<string>? Cells = null, string? Blocked = null)
{
    /// <summary>Value equality that compares <see cref="Cells"/> by content (records compare lists by reference).</summary>
    public bool Equals(Hypothesis? other) => other is not null && Id == other.Id && Claim == other.Claim && Direction == other.Direction
        && Comparison == other.Comparison && Blocked == other.Blocked && (Cells ?? []).SequenceEqual(other.Cells ?? []);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Comparison);
}

