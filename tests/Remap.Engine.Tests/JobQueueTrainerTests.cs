using Remap.Engine.Events;
using Remap.Engine.Jobs;
using Remap.Engine.Store;

namespace Remap.Engine.Tests;

/// <summary>Priorities, repeats, divergence and the events the queue publishes.</summary>
public sealed class JobQueueTrainerTests : IAsyncLifetime
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    private readonly SqliteStoreFixture store = new();

    public Task InitializeAsync() => store.InitializeAsync();

    public Task DisposeAsync() => store.DisposeAsync();

    [Fact]
    public async Task SetPriority_MovesJobToFront()
    {
        var modelId = await store.AddModelAsync();
        var first = await store.Queue.EnqueueAsync(modelId, epochs: 1);
        var second = await store.Queue.EnqueueAsync(modelId, epochs: 1);

        var changed = await store.Queue.SetPriorityAsync(second.Id, 10);
        var claim = await store.Queue.ClaimNextAsync("worker", Lease);
        var queued = await store.Queue.ListQueuedAsync();

        Assert.True(changed);
        Assert.Equal(second.Id, claim?.JobId);
        Assert.Equal([first.Id], queued.Select(job => job.Id));
    }

    [Fact]
    public async Task SetPriority_RunningJobIsRejected()
    {
        var modelId = await store.AddModelAsync();
        var job = await store.Queue.EnqueueAsync(modelId, epochs: 1);
        await store.Queue.ClaimNextAsync("worker", Lease);

        var changed = await store.Queue.SetPriorityAsync(job.Id, 10);

        Assert.False(changed);
        Assert.Equal(0, (await store.GetJobAsync(job.Id)).Priority);
    }

    [Fact]
    public async Task Repeats_ModelGetsMeanAndDeviation()
    {
        var modelId = await store.AddModelAsync();
        var job = await store.Queue.EnqueueAsync(modelId, epochs: 1, new JobSettings(Repeats: 3));
        var claim = await store.Queue.ClaimNextAsync("worker", Lease);
        double[] accuracies = [0.80, 0.82, 0.84];

        for (var repeat = 0; repeat < 2; repeat++)
        {
            Assert.True(await store.Queue.AddRepeatRunAsync(claim!, RunWith(42 + repeat, accuracies[repeat])));
        }

        Assert.True(await store.Queue.CompleteAsync(claim!, RunWith(44, accuracies[2])));
        await using var context = await store.ContextFactory.CreateDbContextAsync();
        var model = context.Models.Single(row => row.Id == modelId);

        Assert.Equal(3, (await store.GetJobAsync(job.Id)).CompletedRepeats);
        Assert.Equal(3, model.RunCount);
        Assert.Equal(0.82, model.ValidationAccuracy!.Value, 9);
        Assert.Equal(0.02, model.ValidationAccuracyStd!.Value, 9);
    }

    [Fact]
    public async Task Diverged_KeepsMetricsAndSetsModelStatus()
    {
        var modelId = await store.AddModelAsync();
        var job = await store.Queue.EnqueueAsync(modelId, epochs: 4);
        var claim = await store.Queue.ClaimNextAsync("worker", Lease);
        const string Metrics = """[{"Epoch":1,"TrainLoss":2.1,"TrainAccuracy":0.3,"ValidationAccuracy":0.35,"Seconds":1.0}]""";

        await store.Queue.MarkDivergedAsync(claim!, "loss became NaN", 1, Metrics);
        var stored = await store.GetJobAsync(job.Id);
        await using var context = await store.ContextFactory.CreateDbContextAsync();

        Assert.Equal(JobStates.Diverged, stored.State);
        Assert.Equal(1, stored.Epoch);
        Assert.Equal(Metrics, stored.EpochMetricsJson);
        Assert.Equal(JobStates.Diverged, context.Models.Single(row => row.Id == modelId).Status);
    }

    [Fact]
    public async Task Transitions_StoreStateEvents()
    {
        var hub = new JobEventHub(store.ContextFactory, TimeProvider.System);
        var queue = new JobQueue(store.ContextFactory, TimeProvider.System, hub);
        var modelId = await store.AddModelAsync();
        await queue.EnqueueAsync(modelId, epochs: 1);
        var claim = await queue.ClaimNextAsync("worker", Lease);

        await queue.CompleteAsync(claim!, SqliteStoreFixture.NewRun());
        await using var context = await store.ContextFactory.CreateDbContextAsync();
        var states = context.JobEvents.OrderBy(row => row.Id).AsEnumerable().Select(row => JobEventRows.ToEvent(row).Data.State);

        Assert.Equal([JobStates.Queued, JobStates.Running, JobStates.Succeeded], states);
    }

    [Fact]
    public void Statistics_OneValueHasNoDeviation()
    {
        var statistics = AccuracyStatistics.Of([0.5]);

        Assert.Equal(0.5, statistics.Mean);
        Assert.Null(statistics.StandardDeviation);
    }

    private static RunEntity RunWith(int seed, double validationAccuracy)
    {
        var run = SqliteStoreFixture.NewRun();
        run.Seed = seed;
        run.ValidationAccuracy = validationAccuracy;
        return run;
    }
}
