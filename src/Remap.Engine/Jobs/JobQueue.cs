using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Remap.Engine.Events;
using Remap.Engine.Store;

namespace Remap.Engine.Jobs;

/// <summary>A job a worker has claimed, with the lease it holds on it.</summary>
public sealed record ClaimedJob(long JobId, long ModelId, int Attempt, string LeaseOwner, DateTime LeaseExpiresAt);

/// <summary>The result of a cancel request.</summary>
public enum CancelOutcome
{
    NotFound,

    /// <summary>The job was queued and is now cancelled.</summary>
    Cancelled,

    /// <summary>The job is running; its worker stops at the next batch and records it as cancelled.</summary>
    Requested,

    /// <summary>The job had already finished; nothing changed.</summary>
    AlreadyFinished,
}

/// <summary>
/// A durable job queue kept entirely in the database. Each transition is a conditional UPDATE on
/// the job's state (and lease owner), so two workers never claim one job and a worker that lost
/// its lease cannot overwrite the state another worker set. Every state change writes the job, its
/// model's status and the job-state event in one transaction, so a reader never sees one without the others.
/// </summary>
public sealed partial class JobQueue(IDbContextFactory<RemapDbContext> contextFactory, TimeProvider timeProvider, JobEventHub? events = null)
{
    private readonly ConcurrentDictionary<long, TaskCompletionSource> cancelSignals = new();

    private DateTime Now => timeProvider.GetUtcNow().UtcDateTime;

    /// <summary>
    /// A task that completes when a cancel of the job is requested through this queue instance, so a worker of the same
    /// process stops at the next batch instead of at its next poll. Call <see cref="ForgetCancelSignal"/> when the job ends.
    /// </summary>
    public Task WhenCancelRequested(long jobId) =>
        cancelSignals.GetOrAdd(jobId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void ForgetCancelSignal(long jobId) => cancelSignals.TryRemove(jobId, out _);

    /// <summary>Adds a queued job for the model with default options and returns it.</summary>
    public Task<JobEntity> EnqueueAsync(long modelId, int epochs, int priority = 0, CancellationToken cancellationToken = default) =>
        EnqueueAsync(modelId, epochs, new JobSettings(Priority: priority), cancellationToken);

    /// <summary>Adds a queued job for the model with <paramref name="settings"/> and returns it.</summary>
    public async Task<JobEntity> EnqueueAsync(long modelId, int epochs, JobSettings settings, CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        var job = new JobEntity { ModelId = modelId, Epochs = epochs, CreatedAt = Now };
        settings.ApplyTo(job);
        context.Jobs.Add(job);
        await context.SaveChangesAsync(cancellationToken);
        await CommitStateAsync(context, job.Id, modelId, JobStates.Queued, null, cancellationToken);
        return job;
    }

    /// <summary>
    /// Sets the priority of a queued job, which moves it in the queue: higher runs first. Returns
    /// false when the job is not queued (a running or finished job keeps its priority).
    /// </summary>
    public async Task<bool> SetPriorityAsync(long jobId, int priority, CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        var job = await context.Jobs
            .Where(row => row.Id == jobId && row.State == JobStates.Queued)
            .Select(row => new { row.ModelId })
            .FirstOrDefaultAsync(cancellationToken);
        var updated = job is null ? 0 : await context.Jobs
            .Where(row => row.Id == jobId && row.State == JobStates.Queued)
            .ExecuteUpdateAsync(setters => setters.SetProperty(row => row.Priority, priority), cancellationToken);
        if (updated != 1)
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }

        // A job-state event with the new priority lets dashboards reorder their queue without polling.
        context.JobEvents.Add(JobEventRows.Create(JobEventTypes.State, Now, jobId, job!.ModelId, new JobEventData { State = JobStates.Queued, Priority = priority }));
        await context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        events?.NotifyPublished();
        return true;
    }

    /// <summary>Returns the queued jobs in the order workers claim them.</summary>
    public async Task<IReadOnlyList<JobEntity>> ListQueuedAsync(CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await context.Jobs.AsNoTracking()
            .Where(job => job.State == JobStates.Queued)
            .OrderByDescending(job => job.Priority)
            .ThenBy(job => job.Id)
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Claims the next queued job (highest priority, then oldest) for <paramref name="owner"/>, or
    /// returns null when none is queued. A job another worker claimed first is skipped.
    /// </summary>
    public async Task<ClaimedJob?> ClaimNextAsync(string owner, TimeSpan leaseDuration, CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        while (true)
        {
            var candidate = await context.Jobs
                .Where(job => job.State == JobStates.Queued)
                .OrderByDescending(job => job.Priority)
                .ThenBy(job => job.Id)
                .Select(job => new { job.Id, job.ModelId, job.Attempts })
                .FirstOrDefaultAsync(cancellationToken);
            if (candidate is null)
            {
                return null;
            }

            var now = Now;
            var expiresAt = now + leaseDuration;

            // The state check in the WHERE clause makes the claim atomic: only one UPDATE can see 'queued'.
            await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
            var claimed = await context.Jobs
                .Where(job => job.Id == candidate.Id && job.State == JobStates.Queued)
                .ExecuteUpdateAsync(
                    setters => setters
                        .SetProperty(job => job.State, JobStates.Running)
                        .SetProperty(job => job.LeaseOwner, owner)
                        .SetProperty(job => job.LeaseExpiresAt, expiresAt)
                        .SetProperty(job => job.HeartbeatAt, now)
                        .SetProperty(job => job.StartedAt, now)
                        .SetProperty(job => job.Attempts, job => job.Attempts + 1),
                    cancellationToken);
            if (claimed == 1)
            {
                await CommitStateAsync(context, candidate.Id, candidate.ModelId, JobStates.Running, null, cancellationToken);
                return new ClaimedJob(candidate.Id, candidate.ModelId, candidate.Attempts + 1, owner, expiresAt);
            }

            await transaction.RollbackAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Extends the lease and records a heartbeat. Returns false when the worker no longer holds the
    /// job (its lease expired and the job was requeued, or it finished elsewhere).
    /// </summary>
    public async Task<bool> RenewLeaseAsync(ClaimedJob claim, TimeSpan leaseDuration, CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var now = Now;
        var renewed = await OwnedRunning(context, claim).ExecuteUpdateAsync(
            setters => setters
                .SetProperty(job => job.LeaseExpiresAt, now + leaseDuration)
                .SetProperty(job => job.HeartbeatAt, now),
            cancellationToken);
        return renewed == 1;
    }

    /// <summary>Records the epoch the worker has reached.</summary>
    public async Task ReportProgressAsync(ClaimedJob claim, int epoch, int epochs, CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        await OwnedRunning(context, claim).ExecuteUpdateAsync(
            setters => setters.SetProperty(job => job.Epoch, epoch).SetProperty(job => job.Epochs, epochs),
            cancellationToken);
    }

    /// <summary>Records the epoch the worker has reached and the metrics of every epoch of the current repeat so far.</summary>
    public async Task ReportProgressAsync(ClaimedJob claim, int epoch, int epochs, string epochMetricsJson, CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        await OwnedRunning(context, claim).ExecuteUpdateAsync(
            setters => setters
                .SetProperty(job => job.Epoch, epoch)
                .SetProperty(job => job.Epochs, epochs)
                .SetProperty(job => job.EpochMetricsJson, epochMetricsJson),
            cancellationToken);
    }

    /// <summary>Returns whether a user asked to cancel the job.</summary>
    public async Task<bool> IsCancelRequestedAsync(long jobId, CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await context.Jobs.AnyAsync(job => job.Id == jobId && job.CancelRequested, cancellationToken);
    }

    private static IQueryable<JobEntity> OwnedRunning(RemapDbContext context, ClaimedJob claim) =>
        context.Jobs.Where(job => job.Id == claim.JobId && job.State == JobStates.Running && job.LeaseOwner == claim.LeaseOwner);

    /// <summary>
    /// Sets the model's status to the job's new state and stores the state event, then commits the
    /// caller's transaction: a reader sees the job, its model and the event change together.
    /// </summary>
    private async Task CommitStateAsync(RemapDbContext context, long jobId, long modelId, string state, string? error, CancellationToken cancellationToken)
    {
        await context.Models.Where(model => model.Id == modelId)
            .ExecuteUpdateAsync(setters => setters.SetProperty(model => model.Status, state), cancellationToken);

        // A cancelled job reports the epochs it finished, so a dashboard can show how far it got without another request.
        int? epochsDone = state == JobStates.Cancelled
            ? await context.Jobs.Where(job => job.Id == jobId).Select(job => job.Epoch).FirstAsync(cancellationToken)
            : null;
        context.JobEvents.Add(JobEventRows.Create(JobEventTypes.State, Now, jobId, modelId, new JobEventData { State = state, Error = error, Epoch = epochsDone }));
        await context.SaveChangesAsync(cancellationToken);
        await context.Database.CommitTransactionAsync(cancellationToken);
        events?.NotifyPublished();
    }
}

/// <summary>A job whose lease expired, and the state it was moved to.</summary>
public sealed record ExpiredLease(long JobId, long ModelId, int Attempts, string NewState, string Error);
