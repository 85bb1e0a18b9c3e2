using Microsoft.EntityFrameworkCore;
using Remap.Engine.Events;
using Remap.Engine.Jobs;
using Remap.Engine.Store;

namespace Remap.Engine.Tests;

/// <summary>Cancelling a job whose worker died, and the events that cancelling and reordering publish.</summary>
public sealed class JobQueueCancelTests : IAsyncLifetime
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    private readonly SqliteStoreFixture store = new();

    public Task InitializeAsync() => store.InitializeAsync();

    public Task DisposeAsync() => store.DisposeAsync();

    /// <summary>Claims a job, records two of its four epochs with their metrics, requests its cancellation and lets its lease run out, as a killed worker would.</summary>
    private async Task<JobEntity> CancelRequestedWithDeadWorkerAsync()
    {
        var modelId = await store.AddModelAsync();
        var job = await store.Queue.EnqueueAsync(modelId, epochs: 4);
        var claim = await store.Queue.ClaimNextAsync("killed-worker", Lease);
        await store.Queue.ReportProgressAsync(claim!, epoch: 2, epochs: 4, """[{"epoch":1},{"epoch":2}]""");
        Assert.Equal(CancelOutcome.Requested, await store.Queue.CancelAsync(job.Id));

        await using var context = await store.ContextFactory.CreateDbContextAsync();
        await context.Jobs.Where(row => row.Id == job.Id)
            .ExecuteUpdateAsync(setters => setters.SetProperty(row => row.LeaseExpiresAt, DateTime.UtcNow.AddMinutes(-1)));
        return job;
    }

    [Fact]
    public async Task RequeueExpired_CancelRequested_CancelsInsteadOfRequeueing()
    {
        var job = await CancelRequestedWithDeadWorkerAsync();

        await store.Queue.RequeueExpiredLeasesAsync();

        Assert.Equal(JobStates.Cancelled, (await store.GetJobAsync(job.Id)).State);
    }

    [Fact]
    public async Task RequeueExpired_CancelRequested_KeepsEpochsAndMetrics()
    {
        var job = await CancelRequestedWithDeadWorkerAsync();

        await store.Queue.RequeueExpiredLeasesAsync();

        var stored = await store.GetJobAsync(job.Id);
        Assert.Equal((2, """[{"epoch":1},{"epoch":2}]"""), (stored.Epoch, stored.EpochMetricsJson));
    }

    [Fact]
    public async Task RequeueExpired_CancelRequested_ReportsCancelledState()
    {
        await CancelRequestedWithDeadWorkerAsync();

        var changed = await store.Queue.RequeueExpiredLeasesAsync();

        Assert.Equal(JobStates.Cancelled, Assert.Single(changed).NewState);
    }

    [Fact]
    public async Task CancelledEvent_CarriesEpochsDone()
    {
        var job = await CancelRequestedWithDeadWorkerAsync();

        await store.Queue.RequeueExpiredLeasesAsync();

        var cancelled = (await StateEventsAsync(job.Id)).Last();
        Assert.Equal((JobStates.Cancelled, 2), (cancelled.State, cancelled.Epoch));
    }

    [Fact]
    public async Task SetPriority_PublishesStateEventWithPriority()
    {
        var modelId = await store.AddModelAsync();
        var job = await store.Queue.EnqueueAsync(modelId, epochs: 1);

        await store.Queue.SetPriorityAsync(job.Id, 7);

        var reordered = (await StateEventsAsync(job.Id)).Last();
        Assert.Equal((JobStates.Queued, 7), (reordered.State, reordered.Priority));
    }

    private async Task<List<JobEventData>> StateEventsAsync(long jobId)
    {
        await using var context = await store.ContextFactory.CreateDbContextAsync();
        var rows = await context.JobEvents.Where(row => row.JobId == jobId && row.Type == JobEventTypes.State).OrderBy(row => row.Id).ToListAsync();
        return rows.Select(row => JobEventRows.ToEvent(row).Data).ToList();
    }
}
