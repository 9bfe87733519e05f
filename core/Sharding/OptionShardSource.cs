namespace ReproSpecs.Harness.Sharding;

/// <summary><c>reprospecs run --shard i/n</c>: the command line wins over every variable.</summary>
/// <param name="value">The option's value, or null when it was not given.</param>
public sealed class OptionShardSource(string? value) : IShardSource
{
    /// <summary>The option's name.</summary>
    public const string Option = "--shard";

    /// <inheritdoc />
    public string Name => "option";

    /// <inheritdoc />
    public ShardSpec? Read(Func<string, string?> variable)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var (index, count) = ShardText.Pair(value.Trim(), Option);
        return new ShardSpec(index, count, Name, new SortedDictionary<string, string>(StringComparer.Ordinal) { [Option] = value.Trim() });
    }
}
