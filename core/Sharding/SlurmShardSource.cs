using System.Globalization;
using ReproSpecs.Harness.Configuration;

namespace ReproSpecs.Harness.Sharding;

/// <summary>
/// A Slurm job array (<c>sbatch --array=0-6</c>): the shard index is <c>SLURM_ARRAY_TASK_ID</c> itself, so a rerun of
/// the shards a merge names (<c>sbatch --array=3,11</c>) trains shards 3 and 11. The count is the study's, which a
/// rerun's array does not show: <c>REPROSPECS_SHARD_COUNT</c> when set, else the array's own size, but only for an
/// array that is the whole study (ids 0 to <c>SLURM_ARRAY_TASK_COUNT</c> − 1); any other array must say it.
/// </summary>
public sealed class SlurmShardSource : IShardSource
{
    /// <summary>The task's id within its array.</summary>
    public const string TaskId = "SLURM_ARRAY_TASK_ID";
    /// <summary>Tasks in the array.</summary>
    public const string TaskCount = "SLURM_ARRAY_TASK_COUNT";
    /// <summary>The array's lowest id.</summary>
    public const string TaskMin = "SLURM_ARRAY_TASK_MIN";
    /// <summary>The array's highest id.</summary>
    public const string TaskMax = "SLURM_ARRAY_TASK_MAX";

    /// <inheritdoc />
    public string Name => "slurm";

    /// <inheritdoc />
    public ShardSpec? Read(Func<string, string?> variable)
    {
        if (variable(TaskId) is not { } idText) return null;
        var raw = new SortedDictionary<string, string>(StringComparer.Ordinal) { [TaskId] = idText };
        int id = ShardText.Number(idText, TaskId, 0);
        int? min = Read(variable, TaskMin, 0, raw), max = Read(variable, TaskMax, 0, raw), tasks = Read(variable, TaskCount, 1, raw);
        int count;
        if (variable(EnvironmentVariables.ShardCount) is { } studyText)
        {
            raw[EnvironmentVariables.ShardCount] = studyText;
            count = ShardText.Number(studyText, EnvironmentVariables.ShardCount, 1);
        }
        else if (tasks is null && max is null)
            throw new ConfigurationException($"{TaskId}={idText} is set but neither {TaskCount} nor {TaskMax} is, so the number of shards is unknown. " +
                                             $"Fix: run inside an sbatch --array job (Slurm sets both), or set REPROSPECS_SHARD=INDEX/COUNT instead.");
        else
        {
            // The whole study in one array: ids 0..n-1 (its count, when Slurm gives one, must agree).
            int size = max is { } top ? top + 1 : tasks!.Value;
            if ((min ?? 0) != 0 || (tasks is { } t && t != size))
                throw new ConfigurationException(
                    $"this Slurm array ({Describe(raw)}) is not the study's shards 0 to N-1, so the study's shard count is unknown (a rerun of some shards, --array=3,11, has 2 tasks of a larger study). " +
                    $"Fix: set {EnvironmentVariables.ShardCount} to the study's shard count (sbatch --export=ALL,{EnvironmentVariables.ShardCount}=16 --array=3,11 …).");
            count = size;
        }
        int index = ShardText.Index(id, count, TaskId, Describe(raw));
        return new ShardSpec(index, count, Name, raw);
    }

    private static int? Read(Func<string, string?> variable, string name, int least, SortedDictionary<string, string> raw)
    {
        if (variable(name) is not { } text) return null;
        raw[name] = text;
        return ShardText.Number(text, name, least);
    }

    private static string Describe(SortedDictionary<string, string> raw) => string.Join(", ", raw.Select(v => string.Create(CultureInfo.InvariantCulture, $"{v.Key}={v.Value}")));
}
