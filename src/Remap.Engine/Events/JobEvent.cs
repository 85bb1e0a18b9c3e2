using System.Text.Json.Serialization;

namespace Remap.Engine.Events;

/// <summary>The kinds of job event, as sent in the <c>event:</c> field of a Server-Sent Events stream.</summary>
public static class JobEventTypes
{
    /// <summary>A job changed state (queued, running, succeeded, failed, cancelled, diverged).</summary>
    public const string State = "job-state";

    /// <summary>A job finished an epoch; the payload has its metrics.</summary>
    public const string Epoch = "epoch";

    /// <summary>
    /// The first event of every stream, without an event id, so the response starts at once. Its Id is the
    /// id of the latest event stored when the stream opened (0 when there is none), and its job and model ids are 0.
    /// </summary>
    public const string Connected = "connected";

    /// <summary>
    /// Sent after <see cref="Connected"/>, without an event id, when the client's Last-Event-ID is beyond the newest
    /// stored event (it comes from another database or from before the store was reset). The client's view is stale:
    /// it should reload its state (GET /api/v1/jobs); the stream then sends only events newer than the Id.
    /// </summary>
    public const string Reset = "reset";

    /// <summary>A job finished a batch; sent at most once per <see cref="EngineOptions.BatchEventInterval"/> per job.</summary>
    public const string Batch = "batch";
}

/// <summary>
/// One event of a job. The id is the event's row id in the store's <c>job_events</c> table, so ids
/// increase across every process that shares the store and across restarts.
/// </summary>
public sealed record JobEvent(long Id, string Type, DateTime Time, long JobId, long ModelId, JobEventData Data);

/// <summary>The payload of an event; fields that do not apply to the event's type are null and left out of the JSON.</summary>
public sealed record JobEventData
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? State { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Error { get; init; }

    /// <summary>The seed of the repeat this event belongs to.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Seed { get; init; }

    /// <summary>For an epoch event the epoch finished; for a cancelled job-state event the epochs the job finished.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Epoch { get; init; }

    /// <summary>The job's new priority, on the job-state event sent when a queued job's priority changes.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Priority { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Epochs { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Batch { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Batches { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? TrainLoss { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? TrainAccuracy { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? ValidationAccuracy { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Seconds { get; init; }
}
