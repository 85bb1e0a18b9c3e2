using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Remap.Api.Jobs;
using Remap.Api.Models;
using Remap.Engine.Jobs;
using Remap.Engine.Store;

namespace Remap.Api.Tests;

public sealed class LeaseRecoveryTests
{
    [Fact]
    public async Task ExpiredLease_IsRequeuedWhenServerStarts()
    {
        long jobId;
        string directory;
        using (var crashed = new QueueOnlyApiFactory())
        {
            directory = crashed.Directory;
            var client = crashed.CreateClient();
            var response = await client.PostAsJsonAsync("/api/v1/models", new CreateModelRequest(Architectures.Tiny));
            var created = await response.Content.ReadFromJsonAsync<CreatedModelResponse>(RemapApiFactory.Json);
            jobId = created!.Job.Id;

            // A worker claims the job and then stops sending heartbeats, as a crashed process would.
            var queue = crashed.Services.GetRequiredService<JobQueue>();
            var claim = await queue.ClaimNextAsync("crashed-worker", TimeSpan.FromMilliseconds(-1));
            Assert.Equal(jobId, claim?.JobId);

            // Keep the database: the restarted server below opens the same file.
            crashed.KeepDirectory = true;
        }

        using var restarted = new QueueOnlyApiFactory(directory);
        var job = await restarted.CreateClient().GetFromJsonAsync<JobResponse>($"/api/v1/jobs/{jobId}", RemapApiFactory.Json);

        Assert.Equal(JobStates.Queued, job!.State);
        Assert.Equal(1, job.Attempts);
        Assert.Null(job.LeaseOwner);
        Assert.Contains("crashed-worker", job.Error);
    }
}
