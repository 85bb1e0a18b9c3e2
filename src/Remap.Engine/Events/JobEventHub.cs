using Microsoft.EntityFrameworkCore;
using Remap.Engine.Store;

namespace Remap.Engine.Events;

/// <summary>
/// Stores job events in the <c>job_events</c> table and wakes this process's event streams when one
/// is written. Streams of other processes find the event by polling the table (see <see cref="JobEventReader"/>).
/// </summary>
public sealed class JobEventHub(IDbContextFactory<RemapDbContext> contextFactory, TimeProvider timeProvider)
{
    private readonly Lock gate = new();
    private TaskCompletionSource published = NewSignal();

    /// <summary>
    /// Writes the event and returns it with its id. Blocking, for callers on a thread of their own
    /// such as the trainer's progress callback.
    /// </summary>
    public JobEvent Publish(string type, long jobId, long modelId, JobEventData data)
    {
        using var context = contextFactory.CreateDbContext();
        var row = Add(context, type, jobId, modelId, data);
        context.SaveChanges();
        NotifyPublished();
        return JobEventRows.ToEvent(row);
    }

    /// <summary>Writes the event and returns it with its id.</summary>
    public async Task<JobEvent> PublishAsync(string type, long jobId, long modelId, JobEventData data, CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var row = Add(context, type, jobId, modelId, data);
        await context.SaveChangesAsync(cancellationToken);
        NotifyPublished();
        return JobEventRows.ToEvent(row);
    }

    /// <summary>
    /// Adds the event to <paramref name="context"/>, so it is written by the caller's SaveChanges, inside
    /// the caller's transaction. Call <see cref="NotifyPublished"/> once that transaction commits.
    /// </summary>
    public JobEventEntity Add(RemapDbContext context, string type, long jobId, long modelId, JobEventData data)
    {
        var row = JobEventRows.Create(type, timeProvider.GetUtcNow().UtcDateTime, jobId, modelId, data);
        context.JobEvents.Add(row);
        return row;
    }

    /// <summary>Wakes the streams of this process that wait for a new event.</summary>
    public void NotifyPublished()
    {
        TaskCompletionSource previous;
        lock (gate)
        {
            previous = published;
            published = NewSignal();
        }

        previous.TrySetResult();
    }

    /// <summary>
    /// A task that completes at the next <see cref="NotifyPublished"/>. Take it before reading the table,
    /// so an event written between the read and the wait still wakes the reader.
    /// </summary>
    public Task NextPublished()
    {
        lock (gate)
        {
            return published.Task;
        }
    }

    /// <summary>Deletes the events written before <paramref name="cutoff"/> and returns how many it deleted.</summary>
    public async Task<int> PruneAsync(DateTime cutoff, CancellationToken cancellationToken = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await context.JobEvents.Where(row => row.Time < cutoff).ExecuteDeleteAsync(cancellationToken);
    }

    // Continuations run on the thread pool, never inline on the publishing thread (the trainer's).
    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
