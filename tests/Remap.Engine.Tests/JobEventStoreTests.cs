using Microsoft.Extensions.Options;
using Remap.Engine.Events;

namespace Remap.Engine.Tests;

/// <summary>Job events stored in the job_events table: replay after an id, live events, other processes and pruning.</summary>
public sealed class JobEventStoreTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private readonly SqliteStoreFixture store = new();

    public Task InitializeAsync() => store.InitializeAsync();

    public Task DisposeAsync() => store.DisposeAsync();

    [Fact]
    public void Publish_IdsIncrease()
    {
        var hub = new JobEventHub(store.ContextFactory, TimeProvider.System);

        var ids = Enumerable.Range(0, 5).Select(index => hub.Publish(JobEventTypes.Batch, 1, 1, new JobEventData { Batch = index }).Id).ToList();

        Assert.Equal(Enumerable.Range((int)ids[0], 5).Select(id => (long)id), ids);
    }

    [Fact]
    public async Task Read_ReplaysEventsAfterLastId()
    {
        var hub = new JobEventHub(store.ContextFactory, TimeProvider.System);
        var first = hub.Publish(JobEventTypes.State, 1, 1, new JobEventData { State = "queued" });
        var second = hub.Publish(JobEventTypes.State, 1, 1, new JobEventData { State = "running" });
        var third = hub.Publish(JobEventTypes.Epoch, 1, 1, new JobEventData { Epoch = 1, ValidationAccuracy = 0.5 });

        var replayed = await TakeAsync(ReaderFor(hub), first.Id, 2);

        Assert.Equal([second, third], replayed);
    }

    [Fact]
    public async Task Read_LiveFollowsReplayWithoutGap()
    {
        var hub = new JobEventHub(store.ContextFactory, TimeProvider.System);
        var before = hub.Publish(JobEventTypes.State, 1, 1, new JobEventData { State = "queued" });
        using var timeout = new CancellationTokenSource(Timeout);
        await using var events = ReaderFor(hub).ReadAsync(null, timeout.Token).GetAsyncEnumerator(timeout.Token);
        Assert.True(await events.MoveNextAsync());
        var replayed = events.Current;

        var after = await hub.PublishAsync(JobEventTypes.State, 1, 1, new JobEventData { State = "running" });
        Assert.True(await events.MoveNextAsync());

        Assert.Equal([before, after], [replayed, events.Current]);
    }

    [Fact]
    public async Task Read_ReceivesEventsAnotherProcessWrites()
    {
        var hub = new JobEventHub(store.ContextFactory, TimeProvider.System);
        hub.Publish(JobEventTypes.State, 1, 1, new JobEventData { State = "queued" });
        using var timeout = new CancellationTokenSource(Timeout);
        await using var events = ReaderFor(hub).ReadAsync(null, timeout.Token).GetAsyncEnumerator(timeout.Token);
        Assert.True(await events.MoveNextAsync());

        // Another process has its own hub and contexts, so only the reader's poll can find its event.
        var otherProcess = new JobEventHub(store.CreateContextFactory(), TimeProvider.System);
        var written = otherProcess.Publish(JobEventTypes.Epoch, 2, 2, new JobEventData { Epoch = 1 });
        Assert.True(await events.MoveNextAsync());

        Assert.Equal(written, events.Current);
    }

    [Fact]
    public async Task Prune_DeletesEventsOlderThanCutoff()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var hub = new JobEventHub(store.ContextFactory, clock);
        hub.Publish(JobEventTypes.State, 1, 1, new JobEventData { State = "queued" });
        clock.Advance(TimeSpan.FromMinutes(9));
        var recent = hub.Publish(JobEventTypes.State, 1, 1, new JobEventData { State = "running" });
        clock.Advance(TimeSpan.FromMinutes(2));

        await hub.PruneAsync(clock.GetUtcNow().UtcDateTime - TimeSpan.FromMinutes(10));
        var remaining = await TakeAsync(ReaderFor(hub), null, 1);

        Assert.Equal([recent], remaining);
    }

    [Fact]
    public async Task Read_OldIdStartsAtOldestEvent()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var hub = new JobEventHub(store.ContextFactory, clock);
        var pruned = hub.Publish(JobEventTypes.State, 1, 1, new JobEventData { State = "queued" });
        hub.Publish(JobEventTypes.State, 1, 1, new JobEventData { State = "running" });
        clock.Advance(TimeSpan.FromMinutes(11));
        var newest = hub.Publish(JobEventTypes.State, 1, 1, new JobEventData { State = "succeeded" });
        await hub.PruneAsync(clock.GetUtcNow().UtcDateTime - TimeSpan.FromMinutes(10));

        // The pruned range is skipped at once. Waiting for it as for an uncommitted id would take GapWait.
        var started = TimeProvider.System.GetTimestamp();
        var replayed = await TakeAsync(ReaderFor(hub), pruned.Id - 1, 1);

        Assert.Equal([newest], replayed);
        Assert.True(TimeProvider.System.GetElapsedTime(started) < JobEventReader.GapWait, "the reader waited for the pruned events");
    }

    [Fact]
    public async Task Read_UnknownIdReplaysAll()
    {
        var hub = new JobEventHub(store.ContextFactory, TimeProvider.System);
        var first = hub.Publish(JobEventTypes.State, 1, 1, new JobEventData { State = "queued" });
        var second = hub.Publish(JobEventTypes.State, 1, 1, new JobEventData { State = "running" });

        var replayed = await TakeAsync(ReaderFor(hub), second.Id + 1000, 2);

        Assert.Equal([first, second], replayed);
    }

    [Fact]
    public async Task Read_MissingIdDelaysLaterEvents()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var hub = new JobEventHub(store.ContextFactory, clock);
        var seen = hub.Publish(JobEventTypes.State, 1, 1, new JobEventData { State = "queued" });
        await InsertAsync(seen.Id + 2, "succeeded");
        using var timeout = new CancellationTokenSource(Timeout);
        await using var events = ReaderFor(hub, clock).ReadAsync(seen.Id, timeout.Token).GetAsyncEnumerator(timeout.Token);
        var first = events.MoveNextAsync().AsTask();

        // The transaction that took the missing id commits late, as one can with a sequence in PostgreSQL.
        await Task.Delay(300);
        await InsertAsync(seen.Id + 1, "running");
        hub.NotifyPublished();
        Assert.True(await first);
        var firstId = events.Current.Id;
        Assert.True(await events.MoveNextAsync());

        Assert.Equal([seen.Id + 1, seen.Id + 2], [firstId, events.Current.Id]);
    }

    [Fact]
    public async Task Read_SkipsLongMissingId()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var hub = new JobEventHub(store.ContextFactory, clock);
        var seen = hub.Publish(JobEventTypes.State, 1, 1, new JobEventData { State = "queued" });
        await InsertAsync(seen.Id + 2, "succeeded");
        using var timeout = new CancellationTokenSource(Timeout);
        await using var events = ReaderFor(hub, clock).ReadAsync(seen.Id, timeout.Token).GetAsyncEnumerator(timeout.Token);
        var next = events.MoveNextAsync().AsTask();

        // A rolled-back transaction leaves its id missing for good.
        await Task.Delay(300);
        clock.Advance(JobEventReader.GapWait);
        Assert.True(await next);

        Assert.Equal(seen.Id + 2, events.Current.Id);
    }

    private async Task InsertAsync(long id, string state)
    {
        await using var context = await store.ContextFactory.CreateDbContextAsync();
        var row = JobEventRows.Create(JobEventTypes.State, DateTime.UtcNow, 1, 1, new JobEventData { State = state });
        row.Id = id;
        context.JobEvents.Add(row);
        await context.SaveChangesAsync();
    }

    private JobEventReader ReaderFor(JobEventHub hub, TimeProvider? clock = null) => new(store.ContextFactory, hub,
        Options.Create(new EngineOptions { EventPollInterval = TimeSpan.FromMilliseconds(100) }), clock ?? TimeProvider.System);

    private static async Task<List<JobEvent>> TakeAsync(JobEventReader reader, long? afterId, int count)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var received = new List<JobEvent>();
        await foreach (var item in reader.ReadAsync(afterId, timeout.Token))
        {
            received.Add(item);
            if (received.Count == count)
            {
                break;
            }
        }

        return received;
    }
}
