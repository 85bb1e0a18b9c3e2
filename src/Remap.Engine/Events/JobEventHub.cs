using System.Threading.Channels;

namespace Remap.Engine.Events;

/// <summary>
/// Publishes job events to live subscribers and keeps recent ones, so a client that reconnects with
/// the id of the last event it saw receives what it missed.
/// </summary>
/// <remarks>
/// TODO: the hub lives in one process, so a stream shows only the events of jobs that this process
/// queues, claims or finishes. Workers in other processes need a shared event table or notifications.
/// The history is kept for <see cref="EngineOptions.EventRetention"/> and capped at
/// <see cref="MaxRetainedEvents"/> events, whichever is smaller.
/// </remarks>
public sealed class JobEventHub(TimeProvider timeProvider, TimeSpan retention)
{
    /// <summary>The most events kept, about 100 bytes each, so the history stays under roughly 20 MB.</summary>
    public const int MaxRetainedEvents = 200_000;

    private readonly Lock gate = new();
    private readonly LinkedList<JobEvent> history = new();
    private readonly List<Channel<JobEvent>> subscribers = [];
    private long lastId = timeProvider.GetUtcNow().ToUnixTimeMilliseconds() * 1000;

    /// <summary>Assigns the next id to the event and delivers it to every subscriber.</summary>
    public JobEvent Publish(string type, long jobId, long modelId, JobEventData data)
    {
        lock (gate)
        {
            var now = timeProvider.GetUtcNow().UtcDateTime;
            var published = new JobEvent(++lastId, type, now, jobId, modelId, data);
            history.AddLast(published);
            Trim(now);
            foreach (var subscriber in subscribers)
            {
                // Unbounded channels accept every write; a slow reader only grows its own queue.
                subscriber.Writer.TryWrite(published);
            }

            return published;
        }
    }

    /// <summary>
    /// Returns the retained events after <paramref name="lastEventId"/> (all retained events when
    /// null) and a reader that then receives every later event, with no gap and no duplicate.
    /// Dispose the subscription to stop receiving.
    /// </summary>
    public JobEventSubscription Subscribe(long? lastEventId)
    {
        var channel = Channel.CreateUnbounded<JobEvent>(new UnboundedChannelOptions { SingleReader = true });
        lock (gate)
        {
            var missed = history.Where(item => lastEventId is not { } last || item.Id > last).ToList();
            subscribers.Add(channel);
            return new JobEventSubscription(missed, channel.Reader, () => Unsubscribe(channel));
        }
    }

    /// <summary>The id of the latest event published, or the starting id when there is none yet.</summary>
    public long LastId
    {
        get
        {
            lock (gate)
            {
                return lastId;
            }
        }
    }

    /// <summary>The number of events kept for replay.</summary>
    public int RetainedCount
    {
        get
        {
            lock (gate)
            {
                return history.Count;
            }
        }
    }

    private void Unsubscribe(Channel<JobEvent> channel)
    {
        lock (gate)
        {
            subscribers.Remove(channel);
        }

        channel.Writer.TryComplete();
    }

    private void Trim(DateTime now)
    {
        var oldest = now - retention;
        while (history.First is { } first && (first.Value.Time < oldest || history.Count > MaxRetainedEvents))
        {
            history.RemoveFirst();
        }
    }
}

/// <summary>The events a subscriber missed, then the live ones.</summary>
public sealed class JobEventSubscription(IReadOnlyList<JobEvent> missed, ChannelReader<JobEvent> live, Action unsubscribe) : IDisposable
{
    public IReadOnlyList<JobEvent> Missed { get; } = missed;

    public ChannelReader<JobEvent> Live { get; } = live;

    public void Dispose() => unsubscribe();
}
