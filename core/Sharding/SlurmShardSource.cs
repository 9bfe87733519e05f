using System.Globalization;

namespace ReproSpecs.Harness.Sharding;

/// <summary>
/// A Slurm job array (<c>sbatch --array=0-6</c>): the index is <c>SLURM_ARRAY_TASK_ID</c> minus
/// <c>SLURM_ARRAY_TASK_MIN</c> (0 when unset) and the count <c>SLURM_ARRAY_TASK_COUNT</c>, else
/// <c>SLURM_ARRAY_TASK_MAX − SLURM_ARRAY_TASK_MIN + 1</c> (an array with a step such as <c>0-12:2</c> has gaps,
/// which the count from min/max cannot see: use a contiguous range, or set <c>REPROSPECS_SHARD</c>).
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
        int min = 0;
        if (variable(TaskMin) is { } minText) { raw[TaskMin] = minText; min = ShardText.Number(minText, TaskMin, 0); }
        int count;
        if (variable(TaskCount) is { } countText) { raw[TaskCount] = countText; count = ShardText.Number(countText, TaskCount, 1); }
        else if (variable(TaskMax) is { } maxText)
        {
            raw[TaskMax] = maxText;
            int max = ShardText.Number(maxText, TaskMax, 0);
            if (max < min) throw new ConfigurationException($"{TaskMax}={max} is below {TaskMin}={min}. Fix: submit the array with a range such as --array=0-6.");
            count = max - min + 1;
        }
        else
            throw new ConfigurationException($"{TaskId}={idText} is set but neither {TaskCount} nor {TaskMax} is, so the number of shards is unknown. " +
                                             $"Fix: run inside an sbatch --array job (Slurm sets both), or set REPROSPECS_SHARD=INDEX/COUNT instead.");
        if (id < min) throw new ConfigurationException($"{TaskId}={id} is below {TaskMin}={min}. Fix: submit the array with a contiguous range such as --array=0-6.");
        string shown = string.Join(", ", raw.Select(v => $"{v.Key}={v.Value}"));
        int index = ShardText.Index(id - min, count, $"{TaskId} − {TaskMin}", shown);
        return new ShardSpec(index, count, Name, raw);
    }
}
