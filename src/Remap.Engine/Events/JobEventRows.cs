using Remap.Engine.Store;

namespace Remap.Engine.Events;

/// <summary>Converts between job events and their rows in the <c>job_events</c> table.</summary>
public static class JobEventRows
{
    public static JobEventEntity Create(string type, DateTime time, long jobId, long modelId, JobEventData data) => new()
    {
        Type = type,
        Time = time,
        JobId = jobId,
        ModelId = modelId,
        DataJson = StoreJson.Serialize(data),
    };

    public static JobEvent ToEvent(JobEventEntity row) =>
        new(row.Id, row.Type, row.Time, row.JobId, row.ModelId, StoreJson.Deserialize<JobEventData>(row.DataJson));
}
