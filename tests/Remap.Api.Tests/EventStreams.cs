using System.Net.Http.Headers;

namespace Remap.Api.Tests;

/// <summary>Opens /api/v1/events over a real loopback socket, as a browser or the command line reads it.</summary>
internal static class EventStreams
{
    public static HttpClient StartKestrel(RemapApiFactory factory, TimeSpan timeout)
    {
        factory.UseKestrel(0);
        factory.StartServer();
        var client = factory.CreateClient();
        client.Timeout = timeout;
        return client;
    }

    public static async Task<ServerSentEventReader> OpenAsync(HttpClient client, string? lastEventId, CancellationToken cancellationToken, long? jobId = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, jobId is null ? "/api/v1/events" : $"/api/v1/events?jobId={jobId}");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }

        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        return new ServerSentEventReader(await response.Content.ReadAsStreamAsync(cancellationToken));
    }

    /// <summary>The next event that is not the stream's opening <c>connected</c> event.</summary>
    public static async Task<ServerSentEvent> ReadJobEventAsync(ServerSentEventReader stream, CancellationToken cancellationToken)
    {
        while (await stream.ReadAsync(cancellationToken) is { } item)
        {
            if (item.Type != Remap.Engine.Events.JobEventTypes.Connected)
            {
                return item;
            }
        }

        throw new InvalidOperationException("The event stream ended.");
    }
}
