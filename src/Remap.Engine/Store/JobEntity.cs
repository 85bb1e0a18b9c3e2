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
}
