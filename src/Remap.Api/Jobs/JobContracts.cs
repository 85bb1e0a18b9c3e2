using System.ComponentModel.DataAnnotations;
using Remap.Engine.Store;

namespace Remap.Api.Jobs;

/// <summary>A training job and its progress.</summary>
/// <param name="State">queued, running, succeeded, failed, cancelled or diverged; clients should accept other values too.</param>
/// <param name="Epoch">The last completed epoch of the current repeat; a cancelled or diverged job keeps the epochs it finished.</param>
/// <param name="Repeats">How many seeds the job trains.</param>
/// <param name="CompletedRepeats">How many of those seeds have a stored run.</param>
/// <param name="WarmStart">Whether the job starts from its parent model's trained weights.</param>
/// <param name="Patience">Early stopping: epochs without a validation accuracy gain before a repeat stops; null trains every epoch.</param>
/// <param name="TimeBudgetSeconds">The training time one repeat may use; null has no limit.</param>
/// <param name="EpochMetrics">The metrics of the epochs finished so far in the current repeat.</param>
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
    DateTime? FinishedAt,
    int Repeats,
    int CompletedRepeats,
    bool WarmStart,
    int? Patience,
    double? TimeBudgetSeconds,
    IReadOnlyList<JobEpochMetrics> EpochMetrics);

/// <summary>One finished epoch of a job.</summary>
public sealed record JobEpochMetrics(int Epoch, double TrainLoss, double TrainAccuracy, double ValidationAccuracy, double Seconds);

/// <summary>A new priority for a queued job.</summary>
/// <param name="Priority">Required, from -1,000,000 to 1,000,000. Higher runs first; equal priorities run in the order they were queued.</param>
public sealed record SetPriorityRequest([property: Required] int? Priority);

public static class JobMapping
{
    public static JobResponse ToResponse(JobEntity job) => new(
        job.Id, job.ModelId, job.State, job.Priority, job.Attempts, job.MaxAttempts, job.Epoch, job.Epochs,
        job.CancelRequested, job.Error, job.LeaseOwner, job.LeaseExpiresAt, job.HeartbeatAt,
        job.CreatedAt, job.StartedAt, job.FinishedAt,
        job.Repeats, job.CompletedRepeats, job.WarmStart, job.Patience, job.TimeBudgetSeconds,
        StoreJson.Deserialize<List<JobEpochMetrics>>(job.EpochMetricsJson));
}
