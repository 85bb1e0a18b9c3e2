using System.Net;
using System.Net.Http.Json;
using Remap.Api.Models;
using Remap.Engine.Events;
using Remap.Engine.Store;

namespace Remap.Api.Tests;

/// <summary>Live progress over Server-Sent Events and reads that run while the trainer writes.</summary>
public sealed class TrainerEventsTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Events_StatesAndEpochsArriveInOrder()
    {
        using var factory = new TinyDatasetApiFactory();
        var client = StartKestrel(factory);
        using var timeout = new CancellationTokenSource(Timeout);
        using var stream = await OpenAsync(client, null, timeout.Token);

        var created = await TinyDatasetApiFactory.CreateAsync(client, new CreateModelRequest(TinyDatasetApiFactory.Mlp(epochs: 3)));
        var received = await ReadUntilFinalAsync(stream, created.Job.Id, timeout.Token);

        var states = received.Where(item => item.Type == JobEventTypes.State).Select(item => item.Data.GetProperty("data").GetProperty("state").GetString());
        var epochs = received.Where(item => item.Type == JobEventTypes.Epoch).Select(item => item.Data.GetProperty("data").GetProperty("epoch").GetInt32());
        var ids = received.Select(item => long.Parse(item.Id, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal([JobStates.Queued, JobStates.Running, JobStates.Succeeded], states);
        Assert.Equal([1, 2, 3], epochs);
        Assert.Contains(received, item => item.Type == JobEventTypes.Batch);
        Assert.Equal(ids.Order(), ids);
    }

    [Fact]
    public async Task Events_ReconnectReplaysMissedEvents()
    {
        using var factory = new TinyDatasetApiFactory();
        var client = StartKestrel(factory);
        using var timeout = new CancellationTokenSource(Timeout);
        List<ServerSentEvent> received;
        using (var stream = await OpenAsync(client, null, timeout.Token))
        {
            var created = await TinyDatasetApiFactory.CreateAsync(client, new CreateModelRequest(TinyDatasetApiFactory.Mlp(epochs: 2)));
            received = await ReadUntilFinalAsync(stream, created.Job.Id, timeout.Token);
        }

        // The client saw only the first two events before the connection dropped.
        using var resumed = await OpenAsync(client, received[1].Id, timeout.Token);
        var replayed = new List<ServerSentEvent>();
        while (replayed.Count < received.Count - 2 && await resumed.ReadAsync(timeout.Token) is { } item)
        {
            if (item.Type != JobEventTypes.Connected)
            {
                replayed.Add(item);
            }
        }

        Assert.Equal(received.Skip(2).Select(item => item.Id), replayed.Select(item => item.Id));
    }

    [Fact]
    public async Task Events_InvalidLastEventIdIsBadRequest()
    {
        using var factory = new QueueOnlyApiFactory();
        var client = factory.CreateClient();

        var response = await client.GetAsync("/api/v1/events?lastEventId=yesterday");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'yesterday'", body);
    }

    [Fact]
    public async Task ConcurrentReaders_SeeNoErrorsDuringTraining()
    {
        using var factory = new TinyDatasetApiFactory();
        var client = factory.CreateClient();
        var created = await TinyDatasetApiFactory.CreateAsync(client, new CreateModelRequest(TinyDatasetApiFactory.Mlp(epochs: 15)));
        string[] paths = ["/api/v1/models", "/api/v1/jobs", $"/api/v1/models/{created.Model.Id}", $"/api/v1/jobs/{created.Job.Id}"];
        var failures = new List<string>();
        var reads = 0;

        async Task ReadLoopAsync()
        {
            var reader = factory.CreateClient();
            for (var index = 0; index < 400; index++)
            {
                var path = paths[index % paths.Length];
                var response = await reader.GetAsync(path);
                Interlocked.Increment(ref reads);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    var failure = $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
                    lock (failures)
                    {
                        failures.Add(failure);
                    }
                }

                var job = await reader.GetFromJsonAsync<Remap.Api.Jobs.JobResponse>($"/api/v1/jobs/{created.Job.Id}", RemapApiFactory.Json);
                if (JobStates.IsFinal(job!.State))
                {
                    return;
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => ReadLoopAsync()));
        var final = await RemapApiFactory.WaitForJobAsync(client, created.Job.Id, Timeout);

        Assert.Empty(failures);
        Assert.True(reads > 8, $"only {reads} reads ran");
        Assert.Equal(JobStates.Succeeded, final.State);
    }

    private static HttpClient StartKestrel(RemapApiFactory factory) => EventStreams.StartKestrel(factory, Timeout);

    private static Task<ServerSentEventReader> OpenAsync(HttpClient client, string? lastEventId, CancellationToken cancellationToken) =>
        EventStreams.OpenAsync(client, lastEventId, cancellationToken);

    private static async Task<List<ServerSentEvent>> ReadUntilFinalAsync(ServerSentEventReader stream, long jobId, CancellationToken cancellationToken)
    {
        var received = new List<ServerSentEvent>();
        while (await stream.ReadAsync(cancellationToken) is { } item)
        {
            if (item.Data.GetProperty("jobId").GetInt64() != jobId)
            {
                continue;
            }

            received.Add(item);
            if (item.Type == JobEventTypes.State && JobStates.IsFinal(item.Data.GetProperty("data").GetProperty("state").GetString()!))
            {
                return received;
            }
        }

        throw new InvalidOperationException($"The event stream ended before job {jobId} finished; received {received.Count} events.");
    }
}
