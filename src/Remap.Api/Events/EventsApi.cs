using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Remap.Api.Infrastructure;
using Remap.Engine.Events;

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
                "Each event's id increases; a client that reconnects with the Last-Event-ID header (or the lastEventId query value) first " +
                "receives the events it missed, from the last 15 minutes by default (Remap:EventRetention). Event types: connected (first, without an id), " +
                "job-state, epoch, batch. " +
                "Batch events are sent at most once per Remap:BatchEventInterval (250 ms by default) per job.")
            .Produces<JobEvent>(StatusCodes.Status200OK, "text/event-stream")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return api;
    }

    public static Results<ServerSentEventsResult<JobEvent>, ProblemHttpResult> StreamEvents(
        JobEventHub hub,
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

        return TypedResults.ServerSentEvents(ReadAsync(hub, after, jobId, cancellationToken));
    }

    private static async IAsyncEnumerable<SseItem<JobEvent>> ReadAsync(
        JobEventHub hub, long? after, long? jobId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var subscription = hub.Subscribe(after);

        // Kestrel sends the response headers with the first write, so an event is written at once.
        var connected = new JobEvent(hub.LastId, JobEventTypes.Connected, DateTime.UtcNow, 0, 0, new JobEventData());
        yield return new SseItem<JobEvent>(connected, JobEventTypes.Connected);

        foreach (var missed in subscription.Missed)
        {
            if (jobId is null || missed.JobId == jobId)
            {
                yield return ToItem(missed);
            }
        }

        await foreach (var live in subscription.Live.ReadAllAsync(cancellationToken))
        {
            if (jobId is null || live.JobId == jobId)
            {
                yield return ToItem(live);
            }
        }
    }

    private static SseItem<JobEvent> ToItem(JobEvent item) =>
        new(item, item.Type) { EventId = item.Id.ToString(CultureInfo.InvariantCulture) };
}
