using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Remap.Api.Models;
using Remap.Engine.Events;
using Remap.Engine.Jobs;
using Remap.Engine.Sqlite;
using Remap.Engine.Store;

namespace Remap.Api.Tests;

/// <summary>Events live in the store: they survive a restart and reach streams from other processes that share it.</summary>
public sealed class DurableEventsTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task Events_RestartedServerReplaysMissedEvents()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        string directory;
        string seenId;
        long jobId;
        using (var before = new QueueOnlyApiFactory())
        {
            var client = EventStreams.StartKestrel(before, Timeout);
            using var stream = await EventStreams.OpenAsync(client, null, timeout.Token);
            var created = await TinyDatasetApiFactory.CreateAsync(client, new CreateModelRequest(Architectures.Tiny));
            seenId = (await EventStreams.ReadJobEventAsync(stream, timeout.Token)).Id;

            // The client drops before the cancellation's event; the server then stops.
            stream.Dispose();
            (await client.PostAsync($"/api/v1/jobs/{created.Job.Id}/cancel", null, timeout.Token)).EnsureSuccessStatusCode();
            (directory, jobId) = (before.Directory, created.Job.Id);
            before.KeepDirectory = true;
        }

        using var after = new QueueOnlyApiFactory(directory);
        var restarted = EventStreams.StartKestrel(after, Timeout);
        using var resumed = await EventStreams.OpenAsync(restarted, seenId, timeout.Token);
        var missed = await EventStreams.ReadJobEventAsync(resumed, timeout.Token);

        Assert.Equal((jobId, JobStates.Cancelled), (missed.Data.GetProperty("jobId").GetInt64(), missed.Data.GetProperty("data").GetProperty("state").GetString()));
    }

    [Fact]
    public async Task Events_ReachStreamFromAnotherProcess()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        using var factory = new QueueOnlyApiFactory();
        factory.Settings["Remap:EventPollInterval"] = "00:00:00.200";
        var client = EventStreams.StartKestrel(factory, Timeout);
        var created = await TinyDatasetApiFactory.CreateAsync(client, new CreateModelRequest(Architectures.Tiny));
        using var stream = await EventStreams.OpenAsync(client, null, timeout.Token);
        var queued = await EventStreams.ReadJobEventAsync(stream, timeout.Token);

        // A worker process of its own: its own options, contexts and hub on the same file, so nothing in the server hears it.
        var builder = new DbContextOptionsBuilder<RemapDbContext>();
        builder.UseRemapSqlite(Path.Combine(factory.Directory, "remap.db"));
        var contexts = new WorkerContextFactory(builder.Options);
        var worker = new JobQueue(contexts, TimeProvider.System, new JobEventHub(contexts, TimeProvider.System));
        var claim = await worker.ClaimNextAsync("other-host:1", TimeSpan.FromMinutes(1), timeout.Token);
        var running = await EventStreams.ReadJobEventAsync(stream, timeout.Token);

        Assert.Equal(created.Job.Id, claim!.JobId);
        Assert.Equal(long.Parse(queued.Id, System.Globalization.CultureInfo.InvariantCulture) + 1, long.Parse(running.Id, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(JobStates.Running, running.Data.GetProperty("data").GetProperty("state").GetString());
    }

    [Fact]
    public async Task Events_JobFilterKeepsOtherJobsOut()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        using var factory = new QueueOnlyApiFactory();
        var client = EventStreams.StartKestrel(factory, Timeout);
        var first = await TinyDatasetApiFactory.CreateAsync(client, new CreateModelRequest(Architectures.Tiny));
        await TinyDatasetApiFactory.CreateAsync(client, new CreateModelRequest(Architectures.Tiny.Replace("batch_size = 128", "batch_size = 100")));
        (await client.PostAsync($"/api/v1/jobs/{first.Job.Id}/cancel", null, timeout.Token)).EnsureSuccessStatusCode();

        using var stream = await EventStreams.OpenAsync(client, null, timeout.Token, first.Job.Id);
        var states = new[] { await EventStreams.ReadJobEventAsync(stream, timeout.Token), await EventStreams.ReadJobEventAsync(stream, timeout.Token) }
            .Select(item => (item.Data.GetProperty("jobId").GetInt64(), item.Data.GetProperty("data").GetProperty("state").GetString()));

        Assert.Equal([(first.Job.Id, JobStates.Queued), (first.Job.Id, JobStates.Cancelled)], states);
    }

    private sealed class WorkerContextFactory(DbContextOptions<RemapDbContext> options) : IDbContextFactory<RemapDbContext>
    {
        public RemapDbContext CreateDbContext() => new(options);
    }
}
