namespace Remap.Engine.Store;

/// <summary>
/// One stored job event. The id is the Server-Sent Events id: the database assigns it, so ids increase
/// across every process that writes to the store and across restarts.
/// </summary>
public sealed class JobEventEntity
{
    public long Id { get; set; }

    /// <summary>One of the <c>JobEventTypes</c> values: job-state, epoch or batch.</summary>
    public required string Type { get; set; }

    public DateTime Time { get; set; }

    public long JobId { get; set; }

    public long ModelId { get; set; }

    /// <summary>The event's payload as JSON, in the shape of <c>JobEventData</c>.</summary>
    public required string DataJson { get; set; }
}
