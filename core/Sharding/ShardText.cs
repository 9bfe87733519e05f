using System.Globalization;

namespace ReproSpecs.Harness.Sharding;

/// <summary>Parsing of the numbers the shard sources read, each failure one line naming the source and the fix.</summary>
internal static class ShardText
{
    /// <summary>Parses <c>i/n</c> (0-based index i below n).</summary>
    /// <param name="text">The value.</param>
    /// <param name="name">Where it came from (<c>--shard</c>, <c>REPROSPECS_SHARD</c>), for the message.</param>
    /// <exception cref="ConfigurationException">Not of the form i/n, or i ≥ n, or n = 0.</exception>
    public static (int Index, int Count) Pair(string text, string name)
    {
        var parts = text.Split('/');
        if (parts.Length != 2)
            throw new ConfigurationException($"{name}='{text}' is not a shard: it must be INDEX/COUNT. Fix: write a 0-based index and the count, e.g. {name}=0/4 for the first of four shards.");
        int count = Number(parts[1], $"{name} (the count after '/')", 1);
        int index = Number(parts[0], $"{name} (the index before '/')", 0);
        return (Index(index, count, name, text), count);
    }

    /// <summary>Parses a whole number of at least <paramref name="min"/>.</summary>
    /// <exception cref="ConfigurationException">Not a whole number, or below <paramref name="min"/>.</exception>
    public static int Number(string text, string name, int min)
    {
        if (!int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int value))
            throw new ConfigurationException($"{name} is '{text}', not a whole number. Fix: set it to a number (at least {min}).");
        if (value < min)
            throw new ConfigurationException($"{name} is {value}; it must be at least {min}. Fix: {(min == 1 ? "a sharded run has at least one shard" : "shard indices start at 0")}.");
        return value;
    }

    /// <summary>Checks a 0-based index against its count.</summary>
    /// <exception cref="ConfigurationException">The index is not below the count.</exception>
    public static int Index(int index, int count, string name, string shown)
    {
        if (index >= count)
            throw new ConfigurationException(
                $"{name} gives shard index {index} of {count} ({shown}); indices run from 0 to {count - 1}. Fix: use a 0-based index below the shard count.");
        return index;
    }
}
