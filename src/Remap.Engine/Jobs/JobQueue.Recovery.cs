using Microsoft.EntityFrameworkCore;
using Remap.Engine.Store;

namespace Remap.Engine.Jobs;

/// <summary>How a job leaves a worker other than by finishing: released at shutdown, cancelled, or requeued after its lease expired.</summary>
public sealed partial class JobQueue
{
    /// <summary>
    /// Returns a claimed job to the queue without counting the attempt, because the host stopped
    /// rather than the training failing. The job keeps its epoch, because the next attempt resumes
    /// from the last checkpoint.
    /// </summary>
    public async Task<bool> ReleaseAsync(ClaimedJob claim, CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        var released = await OwnedRunning(context, claim).ExecuteUpdateAsync(
            setters => setters
                .SetProperty(job => job.State, JobStates.Queued)
                .SetProperty(job => job.Attempts, job => job.Attempts - 1)
                .SetProperty(job => job.LeaseOwner, (string?)null)
                .SetProperty(job => job.LeaseExpiresAt, (DateTime?)null)
                .SetProperty(job => job.HeartbeatAt, (DateTime?)null)
                .SetProperty(job => job.StartedAt, (DateTime?)null),
            cancellationToken);
        if (released != 1)
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }

        await CommitStateAsync(context, claim.JobId, claim.ModelId, JobStates.Queued, null, cancellationToken);
        return true;
    }

    /// <summary>
    /// Cancels a job: a queued job is cancelled at once, a running job gets a cancel request that
    /// its worker acts on at the next batch.
    /// </summary>
    public async Task<CancelOutcome> CancelAsync(long jobId, CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (await CancelQueuedAsync(context, jobId, cancellationToken))
        {
            return CancelOutcome.Cancelled;
        }

        var requested = await context.Jobs
            .Where(job => job.Id == jobId && job.State == JobStates.Running)
            .ExecuteUpdateAsync(setters => setters.SetProperty(job => job.CancelRequested, true), cancellationToken);
        if (requested == 1)
        {
            // A worker of this process acts at once; workers of other processes find the flag when they poll.
            if (cancelSignals.TryGetValue(jobId, out var signal))
            {
                signal.TrySetResult();
            }

            return CancelOutcome.Requested;
        }

        var exists = await context.Jobs.AnyAsync(job => job.Id == jobId, cancellationToken);
        return exists ? CancelOutcome.AlreadyFinished : CancelOutcome.NotFound;
    }

    /// <summary>
    /// Returns running jobs whose lease expired to the queue, or fails them when they have used
    /// every attempt. A job with a pending cancel request is cancelled instead, keeping its epochs
    /// and metrics, because its worker died before it could act on the request. A requeued job keeps
    /// its epoch, because its next attempt resumes from the last checkpoint. Returns the jobs it changed.
    /// </summary>
    public async Task<IReadOnlyList<ExpiredLease>> RequeueExpiredLeasesAsync(CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var now = Now;
        var expired = await context.Jobs
            .Where(job => job.State == JobStates.Running && job.LeaseExpiresAt < now)
            .Select(job => new { job.Id, job.ModelId, job.Attempts, job.MaxAttempts, job.LeaseOwner, job.LeaseExpiresAt, job.CancelRequested })
            .ToListAsync(cancellationToken);

        var changed = new List<ExpiredLease>();
        foreach (var job in expired)
        {
            var error = $"The lease of worker '{job.LeaseOwner}' expired at {job.LeaseExpiresAt:O} " +
                $"during attempt {job.Attempts} of {job.MaxAttempts}; the worker stopped sending heartbeats.";
            var nextState = job.CancelRequested ? JobStates.Cancelled
                : job.Attempts < job.MaxAttempts ? JobStates.Queued
                : JobStates.Failed;
            var finished = nextState != JobStates.Queued;
            string? recordedError = nextState == JobStates.Cancelled ? null : error;

            // The lease check makes this a no-op when the worker renewed its lease since the SELECT.
            await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
            var updated = await context.Jobs
                .Where(row => row.Id == job.Id && row.State == JobStates.Running && row.LeaseExpiresAt < now)
                .ExecuteUpdateAsync(
                    setters => setters
                        .SetProperty(row => row.State, nextState)
                        .SetProperty(row => row.Error, recordedError)
                        .SetProperty(row => row.LeaseOwner, (string?)null)
                        .SetProperty(row => row.LeaseExpiresAt, (DateTime?)null)
                        .SetProperty(row => row.FinishedAt, finished ? now : null)
                        .SetProperty(row => row.HeartbeatAt, row => nextState == JobStates.Queued ? null : row.HeartbeatAt)
                        .SetProperty(row => row.StartedAt, row => nextState == JobStates.Queued ? null : row.StartedAt),
                    cancellationToken);
            if (updated != 1)
            {
                await transaction.RollbackAsync(cancellationToken);
                continue;
            }

            await CommitStateAsync(context, job.Id, job.ModelId, nextState, recordedError, cancellationToken);
            changed.Add(new ExpiredLease(job.Id, job.ModelId, job.Attempts, nextState, error));
        }

        return changed;
    }

    private async Task<bool> CancelQueuedAsync(RemapDbContext context, long jobId, CancellationToken cancellationToken)
    {
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        var cancelled = await context.Jobs
            .Where(job => job.Id == jobId && job.State == JobStates.Queued)
            .ExecuteUpdateAsync(
                setters => setters.SetProperty(job => job.State, JobStates.Cancelled).SetProperty(job => job.FinishedAt, Now),
                cancellationToken);
        if (cancelled != 1)
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }

        var modelId = await context.Jobs.Where(job => job.Id == jobId).Select(job => job.ModelId).FirstAsync(cancellationToken);
        await CommitStateAsync(context, jobId, modelId, JobStates.Cancelled, null, cancellationToken);
        return true;
    }
}
