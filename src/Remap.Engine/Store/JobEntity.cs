namespace Remap.Engine.Store;

/// <summary>
/// One request to train a model. Claims, leases and heartbeats live in these columns, so several
/// workers (in one process or on several hosts) can share the queue through the database.
/// </summary>
public sealed class JobEntity
{
    public const int DefaultMaxAttempts = 3;

    public long Id { get; set; }

    public long ModelId { get; set; }

    public ModelEntity? Model { get; set; }

    /// <summary>One of <see cref="JobStates"/>.</summary>
    public string State { get; set; } = JobStates.Queued;

    /// <summary>Higher runs first; equal priorities run in creation order.</summary>
    public int Priority { get; set; }

    /// <summary>How many times a worker has claimed the job.</summary>
    public int Attempts { get; set; }

    public int MaxAttempts { get; set; } = DefaultMaxAttempts;

    public string? LeaseOwner { get; set; }

    public DateTime? LeaseExpiresAt { get; set; }

    public DateTime? HeartbeatAt { get; set; }

    /// <summary>Set when a user cancels a running job; the worker stops at the next batch.</summary>
    public bool CancelRequested { get; set; }

    public string? Error { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? StartedAt { get; set; }

    public DateTime? FinishedAt { get; set; }

    /// <summary>The last completed epoch (0 before the first one ends).</summary>
    public int Epoch { get; set; }

    public int Epochs { get; set; }

    /// <summary>How many seeds the job trains, one run each: the model's seed, then seed + 1, and so on.</summary>
    public int Repeats { get; set; } = 1;

    /// <summary>How many of the repeats have a stored run.</summary>
    public int CompletedRepeats { get; set; }

    /// <summary>Whether the job copies its parent model's trained weights into the layers they share before training.</summary>
    public bool WarmStart { get; set; }

    /// <summary>Stop a repeat when validation accuracy has not improved for this many epochs; null trains every epoch.</summary>
    public int? Patience { get; set; }

    /// <summary>The training time a repeat may use, in seconds, counted over every attempt; null has no limit.</summary>
    public double? TimeBudgetSeconds { get; set; }

    /// <summary>JSON array of the metrics of the epochs finished so far in the current repeat, kept when the job diverges or is cancelled.</summary>
    public string EpochMetricsJson { get; set; } = "[]";
}
