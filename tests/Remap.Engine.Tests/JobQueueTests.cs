using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Remap.Engine.Jobs;
using Remap.Engine.Store;

namespace Remap.Engine.Tests;

public sealed class JobQueueTests : IAsyncLifetime
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    private readonly SqliteStoreFixture store = new();

    public Task InitializeAsync() => store.InitializeAsync();

    public Task DisposeAsync() => store.DisposeAsync();

    [Fact]
    public async Task ClaimNext_TwoConcurrentWorkers_ClaimEachJobOnce()
    {
        var modelId = await store.AddModelAsync();
        const int jobCount = 40;
        for (var i = 0; i < jobCount; i++)
        {
            await store.Queue.EnqueueAsync(modelId, epochs: 1);
        }

        var claims = new ConcurrentBag<ClaimedJob>();
        async Task ClaimUntilEmpty(string owner)
        {
            // Each worker uses its own queue instance, as two processes would.
            var queue = new JobQueue(store.ContextFactory, TimeProvider.System);
            while (await queue.ClaimNextAsync(owner, Lease) is { } claim)
            {
                claims.Add(claim);
            }
        }

        await Task.WhenAll(Task.Run(() => ClaimUntilEmpty("worker-a")), Task.Run(() => ClaimUntilEmpty("worker-b")));

        Assert.Equal(jobCount, claims.Count);
        Assert.Equal(jobCount, claims.Select(claim => claim.JobId).Distinct().Count());
    }

    [Fact]
    public async Task ClaimNext_HigherPriorityFirst()
    {
        var modelId = await store.AddModelAsync();
        await store.Queue.EnqueueAsync(modelId, epochs: 1, priority: 0);
        var urgent = await store.Queue.EnqueueAsync(modelId, epochs: 1, priority: 5);

        var claim = await store.Queue.ClaimNextAsync("worker", Lease);

        Assert.Equal(urgent.Id, claim?.JobId);
    }

    [Fact]
    public async Task RequeueExpired_ExpiredLease_ReturnsJobToQueue()
    {
        var modelId = await store.AddModelAsync();
        var job = await store.Queue.EnqueueAsync(modelId, epochs: 1);
        await store.Queue.ClaimNextAsync("crashed-worker", TimeSpan.FromMilliseconds(-1));

        var requeued = await store.Queue.RequeueExpiredLeasesAsync();

        var stored = await store.GetJobAsync(job.Id);
        Assert.Single(requeued);
        Assert.Equal(JobStates.Queued, stored.State);
        Assert.Null(stored.LeaseOwner);
        Assert.Equal(1, stored.Attempts);
        Assert.Contains("crashed-worker", stored.Error);
    }

    [Fact]
    public async Task RequeueExpired_KeepsEpochForResume()
    {
        var modelId = await store.AddModelAsync();
        var job = await store.Queue.EnqueueAsync(modelId, epochs: 4);
        var claim = await store.Queue.ClaimNextAsync("crashed-worker", Lease);
        await store.Queue.ReportProgressAsync(claim!, epoch: 1, epochs: 4);

        // The worker stops sending heartbeats after its first epoch, so its lease runs out.
        await using (var context = await store.ContextFactory.CreateDbContextAsync())
        {
            await context.Jobs.Where(row => row.Id == job.Id)
                .ExecuteUpdateAsync(setters => setters.SetProperty(row => row.LeaseExpiresAt, DateTime.UtcNow.AddMinutes(-1)));
        }

        await store.Queue.RequeueExpiredLeasesAsync();

        var stored = await store.GetJobAsync(job.Id);
        Assert.Equal(JobStates.Queued, stored.State);
        Assert.Equal(1, stored.Epoch);
        Assert.Null(stored.StartedAt);
        Assert.Null(stored.HeartbeatAt);
    }

    [Fact]
    public async Task Release_KeepsEpochForResume()
    {
        var modelId = await store.AddModelAsync();
        var job = await store.Queue.EnqueueAsync(modelId, epochs: 4);
        var claim = await store.Queue.ClaimNextAsync("stopping-worker", Lease);
        await store.Queue.ReportProgressAsync(claim!, epoch: 2, epochs: 4);

        await store.Queue.ReleaseAsync(claim!);

        var stored = await store.GetJobAsync(job.Id);
        Assert.Equal(JobStates.Queued, stored.State);
        Assert.Equal(2, stored.Epoch);
    }

    [Fact]
    public async Task RequeueExpired_LiveLease_IsLeftAlone()
    {
        var modelId = await store.AddModelAsync();
        var job = await store.Queue.EnqueueAsync(modelId, epochs: 1);
        await store.Queue.ClaimNextAsync("live-worker", Lease);

        var requeued = await store.Queue.RequeueExpiredLeasesAsync();

        Assert.Empty(requeued);
        Assert.Equal(JobStates.Running, (await store.GetJobAsync(job.Id)).State);
    }

    [Fact]
    public async Task RequeueExpired_ThirdExpiry_FailsWithLastError()
    {
        var modelId = await store.AddModelAsync();
        var job = await store.Queue.EnqueueAsync(modelId, epochs: 1);
        for (var attempt = 1; attempt <= JobEntity.DefaultMaxAttempts; attempt++)
        {
            var claim = await store.Queue.ClaimNextAsync($"worker-{attempt}", TimeSpan.FromMilliseconds(-1));
            Assert.Equal(job.Id, claim?.JobId);
            await store.Queue.RequeueExpiredLeasesAsync();
        }

        var stored = await store.GetJobAsync(job.Id);
        Assert.Equal(JobStates.Failed, stored.State);
        Assert.Equal(3, stored.Attempts);
        Assert.Contains("worker-3", stored.Error);
        Assert.NotNull(stored.FinishedAt);
        Assert.Null(await store.Queue.ClaimNextAsync("worker-4", Lease));
    }

    [Fact]
    public async Task Cancel_QueuedJob_IsCancelledAtOnce()
    {
        var modelId = await store.AddModelAsync();
        var job = await store.Queue.EnqueueAsync(modelId, epochs: 1);

        var outcome = await store.Queue.CancelAsync(job.Id);

        Assert.Equal(CancelOutcome.Cancelled, outcome);
        Assert.Equal(JobStates.Cancelled, (await store.GetJobAsync(job.Id)).State);
        Assert.Null(await store.Queue.ClaimNextAsync("worker", Lease));
    }

    [Fact]
    public async Task Cancel_RunningJob_RequestsCancellation()
    {
        var modelId = await store.AddModelAsync();
        var job = await store.Queue.EnqueueAsync(modelId, epochs: 1);
        var claim = await store.Queue.ClaimNextAsync("worker", Lease);

        var outcome = await store.Queue.CancelAsync(job.Id);
        var requested = await store.Queue.IsCancelRequestedAsync(job.Id);
        await store.Queue.MarkCancelledAsync(claim!);

        Assert.Equal(CancelOutcome.Requested, outcome);
        Assert.True(requested);
        Assert.Equal(JobStates.Cancelled, (await store.GetJobAsync(job.Id)).State);
    }

    [Fact]
    public async Task Cancel_UnknownJob_ReturnsNotFound()
    {
        Assert.Equal(CancelOutcome.NotFound, await store.Queue.CancelAsync(12345));
    }

    [Fact]
    public async Task Complete_RecordsEpochsTheRunTrained()
    {
        var modelId = await store.AddModelAsync();
        var job = await store.Queue.EnqueueAsync(modelId, epochs: 15);
        var claim = await store.Queue.ClaimNextAsync("worker", Lease);
        var run = SqliteStoreFixture.NewRun();
        run.EpochMetricsJson = "[{\"epoch\":1},{\"epoch\":2},{\"epoch\":3}]";
        run.StopReason = RunStopReasons.EarlyStopping;

        await store.Queue.CompleteAsync(claim!, run);

        var stored = await store.GetJobAsync(job.Id);
        Assert.Equal(3, stored.Epoch);
        Assert.Equal(15, stored.Epochs);
        Assert.Equal(run.EpochMetricsJson, stored.EpochMetricsJson);
    }

    [Fact]
    public async Task Complete_CommitsRunAndStateTogether()
    {
        var modelId = await store.AddModelAsync();
        var job = await store.Queue.EnqueueAsync(modelId, epochs: 1);
        var claim = await store.Queue.ClaimNextAsync("worker", Lease);

        var completed = await store.Queue.CompleteAsync(claim!, SqliteStoreFixture.NewRun());

        await using var context = await store.ContextFactory.CreateDbContextAsync();
        var run = await context.Runs.SingleAsync();
        var model = await context.Models.SingleAsync();
        Assert.True(completed);
        Assert.Equal(JobStates.Succeeded, (await store.GetJobAsync(job.Id)).State);
        Assert.Equal(job.Id, run.JobId);
        Assert.Equal(new byte[] { 0b0101 }, run.ValidationCorrect);
        Assert.Equal(JobStates.Succeeded, model.Status);
        Assert.Equal(0.5, model.ValidationAccuracy);
    }

    [Fact]
    public async Task Complete_AfterLeaseLost_StoresNothing()
    {
        var modelId = await store.AddModelAsync();
        var job = await store.Queue.EnqueueAsync(modelId, epochs: 1);
        var claim = await store.Queue.ClaimNextAsync("slow-worker", TimeSpan.FromMilliseconds(-1));
        await store.Queue.RequeueExpiredLeasesAsync();

        var completed = await store.Queue.CompleteAsync(claim!, SqliteStoreFixture.NewRun());

        await using var context = await store.ContextFactory.CreateDbContextAsync();
        Assert.False(completed);
        Assert.Equal(0, await context.Runs.CountAsync());
        Assert.Equal(JobStates.Queued, (await store.GetJobAsync(job.Id)).State);
    }

    [Fact]
    public async Task RenewLease_ExtendsExpiry()
    {
        var modelId = await store.AddModelAsync();
        await store.Queue.EnqueueAsync(modelId, epochs: 1);
        var claim = await store.Queue.ClaimNextAsync("worker", TimeSpan.FromSeconds(1));

        var renewed = await store.Queue.RenewLeaseAsync(claim!, TimeSpan.FromHours(1));

        var stored = await store.GetJobAsync(claim!.JobId);
        Assert.True(renewed);
        Assert.True(stored.LeaseExpiresAt > DateTime.UtcNow.AddMinutes(30));
    }
}
