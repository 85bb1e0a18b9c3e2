using Remap.Engine.Store;

namespace Remap.Api.Jobs;

/// <summary>A training job and its progress.</summary>
/// <param name="State">queued, running, succeeded, failed or cancelled; clients should accept other values too.</param>
/// <param name="Epoch">The last completed epoch.</param>
public sealed record JobResponse(
    long Id,
    long ModelId,
    string State,
    int Priority,
    int Attempts,
    int MaxAttempts,
    int Epoch,
    int Epochs,
    bool CancelRequested,
    string? Error,
    string? LeaseOwner,
    DateTime? LeaseExpiresAt,
    DateTime? HeartbeatAt,
    DateTime CreatedAt,
    DateTime? StartedAt,
    DateTime? FinishedAt);

public static class JobMapping
{
    public static JobResponse ToResponse(JobEntity job) => new(
        job.Id, job.ModelId, job.State, job.Priority, job.Attempts, job.MaxAttempts, job.Epoch, job.Epochs,
        job.CancelRequested, job.Error, job.LeaseOwner, job.LeaseExpiresAt, job.HeartbeatAt,
        job.CreatedAt, job.StartedAt, job.FinishedAt);
}
