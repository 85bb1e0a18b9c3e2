using Remap.Engine.Events;

namespace Remap.Engine.Tests;

public sealed class JobEventHubTests
{
    [Fact]
    public void Subscribe_ReplaysEventsAfterLastId()
    {
        var hub = new JobEventHub(TimeProvider.System, TimeSpan.FromMinutes(10));
        var first = hub.Publish(JobEventTypes.State, 1, 1, new JobEventData { State = "queued" });
        var second = hub.Publish(JobEventTypes.State, 1, 1, new JobEventData { State = "running" });
        var third = hub.Publish(JobEventTypes.Epoch, 1, 1, new JobEventData { Epoch = 1 });

        using var subscription = hub.Subscribe(first.Id);

        Assert.Equal([second.Id, third.Id], subscription.Missed.Select(item => item.Id));
    }

    [Fact]
    public async Task Subscribe_LiveEventsFollowReplayWithoutGap()
    {
        var hub = new JobEventHub(TimeProvider.System, TimeSpan.FromMinutes(10));
        var before = hub.Publish(JobEventTypes.State, 1, 1, new JobEventData { State = "queued" });

        using var subscription = hub.Subscribe(null);
        var after = hub.Publish(JobEventTypes.State, 1, 1, new JobEventData { State = "running" });
        var live = await subscription.Live.ReadAsync();

        Assert.Equal([before.Id], subscription.Missed.Select(item => item.Id));
        Assert.Equal(after.Id, live.Id);
    }

    [Fact]
    public void Publish_IdsIncrease()
    {
        var hub = new JobEventHub(TimeProvider.System, TimeSpan.FromMinutes(10));

        var ids = Enumerable.Range(0, 5).Select(index => hub.Publish(JobEventTypes.Batch, 1, 1, new JobEventData { Batch = index }).Id).ToList();

        Assert.Equal(ids.Order(), ids);
        Assert.Equal(5, ids.Distinct().Count());
    }

    [Fact]
    public void Publish_DropsEventsOlderThanRetention()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var hub = new JobEventHub(clock, TimeSpan.FromMinutes(10));
        hub.Publish(JobEventTypes.State, 1, 1, new JobEventData { State = "queued" });
        clock.Advance(TimeSpan.FromMinutes(9));
        var kept = hub.Publish(JobEventTypes.State, 1, 1, new JobEventData { State = "running" });
        clock.Advance(TimeSpan.FromMinutes(2));

        var latest = hub.Publish(JobEventTypes.State, 1, 1, new JobEventData { State = "succeeded" });
        using var subscription = hub.Subscribe(null);

        Assert.Equal([kept.Id, latest.Id], subscription.Missed.Select(item => item.Id));
    }

    /// <summary>A clock that moves only when the test advances it.</summary>
    private sealed class ManualClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset now = start;

        public override DateTimeOffset GetUtcNow() => now;

        public void Advance(TimeSpan span) => now += span;
    }
}
