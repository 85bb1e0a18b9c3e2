using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Remap.Api.Infrastructure;
using Remap.Engine.Events;
using Remap.Engine.Store;

namespace Remap.Api.Events;

public static class EventsApi
{
    public static RouteGroupBuilder MapEventsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/events", StreamEvents)
            .WithTags("Events")
            .WithName("StreamEvents")
            .WithSummary("Stream job events as Server-Sent Events: state changes, finished epochs and batch progress")
            .WithDescription(
                "Events are stored, so they survive a restart and include the events of workers in other processes that share the database. " +
                "Each event's id increases; a client that reconnects with the Last-Event-ID header (or the lastEventId query value) first " +
                "receives the events it missed, from the last 15 minutes by default (Remap:EventRetention); events older than that are gone, so a client " +
                "that was away longer should read GET /api/v1/jobs again. A client that connects without either first " +
                "receives every retained event. A client whose id is beyond the newest stored event (from another database, or from before the store was reset) " +
                "gets a reset event instead, carrying the newest id: it should reload its state from GET /api/v1/jobs, and the stream then sends only newer events. With jobId, only that job's events are sent, and an unknown job id is 404. The stream ends when the server stops. Event types: connected (first, without an id), reset (without an id), " +
                "job-state (a cancelled job's carries the epochs it finished; a priority change sends one with state queued and the new priority), epoch, batch. " +
                "Batch events are sent at most once per Remap:BatchEventInterval (250 ms by default) per job.")
            .Produces<JobEvent>(StatusCodes.Status200OK, "text/event-stream")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    /// <param name="lastEventIdHeader">The id of the last event the client received; the stream first replays the retained events after it.</param>
    /// <param name="lastEventId">The same as the Last-Event-ID header, for clients that cannot set headers; the header wins when both are sent.</param>
    /// <param name="jobId">Only this job's events; an unknown job id is 404. Every job's events when left out.</param>
    public static async Task<Results<ServerSentEventsResult<JobEvent>, ProblemHttpResult>> StreamEvents(
        JobEventReader reader,
        RemapDbContext context,
        IHostApplicationLifetime lifetime,
        [FromHeader(Name = "Last-Event-ID")] string? lastEventIdHeader,
        string? lastEventId,
        long? jobId,
        CancellationToken cancellationToken)
    {
        var lastSeen = lastEventIdHeader ?? lastEventId;
        long? after = null;
        if (!string.IsNullOrEmpty(lastSeen))
        {
            if (!long.TryParse(lastSeen, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                return Problems.BadRequest("Invalid last event id",
                    $"The last event id is '{lastSeen}', which is not an event id. Send the id field of the last event received, or leave it out to receive every retained event.");
            }

            after = parsed;
        }

        if (jobId is { } id && !await context.Jobs.AnyAsync(job => job.Id == id, cancellationToken))
        {
            return Problems.NotFound("Job", id);
        }

        return TypedResults.ServerSentEvents(ReadAsync(reader, after, jobId, lifetime.ApplicationStopping, cancellationToken));
    }

    private static async IAsyncEnumerable<SseItem<JobEvent>> ReadAsync(
        JobEventReader reader, long? after, long? jobId, CancellationToken stopping, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // An open stream would otherwise hold the host for its whole shutdown timeout.
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stopping);

        // Kestrel sends the response headers with the first write, so an event is written at once.
        var latest = await reader.LatestIdAsync(linked.Token);
        var connected = new JobEvent(latest, JobEventTypes.Connected, DateTime.UtcNow, 0, 0, new JobEventData());
        yield return new SseItem<JobEvent>(connected, JobEventTypes.Connected);

        // An id beyond the newest event was not sent by this store: replaying everything would mix two histories, so tell the client to reload.
        if (after > latest)
        {
            // The id line makes a browser's EventSource send the newest id on its next reconnect, not the stale one again.
            yield return new SseItem<JobEvent>(connected with { Type = JobEventTypes.Reset }, JobEventTypes.Reset)
            {
                EventId = latest.ToString(CultureInfo.InvariantCulture),
            };
            after = latest;
        }

        await using var events = reader.ReadAsync(after, linked.Token).GetAsyncEnumerator(linked.Token);
        while (await MoveNextAsync(events, stopping))
        {
            if (jobId is null || events.Current.JobId == jobId)
            {
                yield return ToItem(events.Current);
            }
        }
    }

    /// <summary>False when the application stops, so the stream ends cleanly instead of failing.</summary>
    private static async Task<bool> MoveNextAsync(IAsyncEnumerator<JobEvent> events, CancellationToken stopping)
    {
        try
        {
            return await events.MoveNextAsync();
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return false;
        }
        catch (ObjectDisposedException) when (stopping.IsCancellationRequested)
        {
            // A poll of the event table that started as the host stopped can find its services already disposed.
            return false;
        }
    }

    private static SseItem<JobEvent> ToItem(JobEvent item) =>
        new(item, item.Type) { EventId = item.Id.ToString(CultureInfo.InvariantCulture) };
}
