using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Remap.Engine.Events;
using Remap.Engine.Store;

namespace Remap.Engine.Jobs;

/// <summary>How a claimed job ends: runs stored, succeeded, failed, cancelled or diverged.</summary>
public sealed partial class JobQueue
{
    /// <summary>
    /// Stores the run of one repeat that is not the job's last, so a crash after it does not train
    /// that seed again. Returns false, storing nothing, when the worker no longer owns the job's lease.
    /// </summary>
    public async Task<bool> AddRepeatRunAsync(ClaimedJob claim, RunEntity run, CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        var updated = await OwnedRunning(context, claim).ExecuteUpdateAsync(
            setters => setters
                .SetProperty(job => job.CompletedRepeats, job => job.CompletedRepeats + 1)
                .SetProperty(job => job.Epoch, 0)
                .SetProperty(job => job.EpochMetricsJson, "[]"),
            cancellationToken);
        if (updated != 1)
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }

        run.ModelId = claim.ModelId;
        run.JobId = claim.JobId;
        context.Runs.Add(run);
        await context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Stores the last run and marks the job succeeded in one transaction, so a finished result is
    /// never lost and never recorded without its job. The model gets the mean and standard
    /// deviation of the accuracies over every run of the job. Returns false, storing nothing, when
    /// the worker no longer owns the job's lease.
    /// </summary>
    public async Task<bool> CompleteAsync(ClaimedJob claim, RunEntity run, CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        var now = Now;

        // Early stopping, a time budget or warm start can end a run before the planned epochs, so the job records the epochs it trained.
        var epochsTrained = StoreJson.Deserialize<List<JsonElement>>(run.EpochMetricsJson).Count;
        var updated = await OwnedRunning(context, claim).ExecuteUpdateAsync(
            setters => setters
                .SetProperty(job => job.State, JobStates.Succeeded)
                .SetProperty(job => job.FinishedAt, now)
                .SetProperty(job => job.Epoch, epochsTrained)
                .SetProperty(job => job.EpochMetricsJson, run.EpochMetricsJson)
                .SetProperty(job => job.CompletedRepeats, job => job.CompletedRepeats + 1)
                .SetProperty(job => job.LeaseOwner, (string?)null)
                .SetProperty(job => job.LeaseExpiresAt, (DateTime?)null)
                .SetProperty(job => job.Error, (string?)null),
            cancellationToken);
        // NOTE: a worker that lost its lease discards its result, because the requeued job trains again elsewhere.
        if (updated != 1)
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }

        run.ModelId = claim.ModelId;
        run.JobId = claim.JobId;
        context.Runs.Add(run);
        context.JobEvents.Add(JobEventRows.Create(JobEventTypes.State, now, claim.JobId, claim.ModelId, new JobEventData { State = JobStates.Succeeded }));
        await context.SaveChangesAsync(cancellationToken);

        var runs = await context.Runs.Where(row => row.JobId == claim.JobId)
            .Select(row => new { row.ValidationAccuracy, row.TestAccuracy })
            .ToListAsync(cancellationToken);
        var validation = AccuracyStatistics.Of(runs.Select(row => row.ValidationAccuracy));
        var test = AccuracyStatistics.Of(runs.Select(row => row.TestAccuracy));
        await context.Models.Where(model => model.Id == claim.ModelId).ExecuteUpdateAsync(
            setters => setters
                .SetProperty(model => model.Status, JobStates.Succeeded)
                .SetProperty(model => model.ValidationAccuracy, validation.Mean)
                .SetProperty(model => model.ValidationAccuracyStd, validation.StandardDeviation)
                .SetProperty(model => model.TestAccuracyMean, test.Mean)
                .SetProperty(model => model.TestAccuracyStd, test.StandardDeviation)
                .SetProperty(model => model.RunCount, runs.Count),
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        events?.NotifyPublished();
        return true;
    }

    /// <summary>Marks a claimed job failed with the error; a failed training is not retried.</summary>
    public Task<bool> FailAsync(ClaimedJob claim, string error, CancellationToken cancellationToken = default) =>
        FinishAsync(claim, JobStates.Failed, error, null, cancellationToken);

    /// <summary>Marks a claimed job cancelled after its worker stopped training; the job keeps the epoch it last recorded.</summary>
    public Task<bool> MarkCancelledAsync(ClaimedJob claim, CancellationToken cancellationToken = default) =>
        FinishAsync(claim, JobStates.Cancelled, null, null, cancellationToken);

    /// <summary>Marks a claimed job cancelled with the epochs it finished and their metrics.</summary>
    public Task<bool> MarkCancelledAsync(ClaimedJob claim, int epochsDone, string epochMetricsJson, CancellationToken cancellationToken = default) =>
        FinishAsync(claim, JobStates.Cancelled, null, (epochsDone, epochMetricsJson), cancellationToken);

    /// <summary>
    /// Marks a claimed job diverged: its loss became NaN or infinite. The job keeps the metrics of
    /// the epochs finished before, and the model's status shows "diverged".
    /// </summary>
    public Task<bool> MarkDivergedAsync(ClaimedJob claim, string error, int epochsDone, string epochMetricsJson, CancellationToken cancellationToken = default) =>
        FinishAsync(claim, JobStates.Diverged, error, (epochsDone, epochMetricsJson), cancellationToken);

    private async Task<bool> FinishAsync(ClaimedJob claim, string state, string? error, (int Epoch, string MetricsJson)? progress, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);

        // The job's state and the model's status change in one transaction, so no reader sees a finished job on a running model.
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        var now = Now;
        var keepProgress = progress is null;
        var epochsDone = progress?.Epoch ?? 0;
        var metricsJson = progress?.MetricsJson ?? "[]";
        var updated = await OwnedRunning(context, claim).ExecuteUpdateAsync(
            setters => setters
                .SetProperty(job => job.State, state)
                .SetProperty(job => job.Error, error)
                .SetProperty(job => job.FinishedAt, now)
                .SetProperty(job => job.LeaseOwner, (string?)null)
                .SetProperty(job => job.LeaseExpiresAt, (DateTime?)null)
                .SetProperty(job => job.Epoch, job => keepProgress ? job.Epoch : epochsDone)
                .SetProperty(job => job.EpochMetricsJson, job => keepProgress ? job.EpochMetricsJson : metricsJson),
            cancellationToken);
        if (updated != 1)
        {
            return false;
        }

        await CommitStateAsync(context, claim.JobId, claim.ModelId, state, error, cancellationToken);
        return true;
    }
}

/// <summary>The mean and sample standard deviation of accuracies; the deviation is null for fewer than two values.</summary>
public readonly record struct AccuracyStatistics(double? Mean, double? StandardDeviation, int Count)
{
    public static AccuracyStatistics Of(IEnumerable<double> values)
    {
        var list = values.ToList();
        if (list.Count == 0)
        {
            return new AccuracyStatistics(null, null, 0);
        }

        var mean = list.Average();
        double? deviation = list.Count < 2 ? null : Math.Sqrt(list.Sum(value => (value - mean) * (value - mean)) / (list.Count - 1));
        return new AccuracyStatistics(mean, deviation, list.Count);
    }
}
