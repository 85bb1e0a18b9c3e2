using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Remap.Api.Jobs;
using Remap.Api.Models;
using Remap.Engine.Store;

namespace Remap.Api.Tests;

/// <summary>How the hosted worker handles cancellation and failing jobs.</summary>
public sealed class WorkerBehaviourTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task CancelRunningJob_StopsTrainingAndRecordsCancelled()
    {
        using var factory = new RemapApiFactory();
        var client = factory.CreateClient();
        var request = new CreateModelRequest(Architectures.Tiny, Training: new TrainingOverrides(Epochs: 200, BatchSize: 16));
        var created = await (await client.PostAsJsonAsync("/api/v1/models", request)).Content.ReadFromJsonAsync<CreatedModelResponse>(RemapApiFactory.Json);
        await WaitForStateAsync(client, created!.Job.Id, JobStates.Running);

        var response = await client.PostAsync($"/api/v1/jobs/{created.Job.Id}/cancel", null);
        var job = await RemapApiFactory.WaitForJobAsync(client, created.Job.Id, Timeout);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(JobStates.Cancelled, job.State);
        Assert.True(job.Epoch < 200);
    }

    [Fact]
    public async Task CancelRunningJob_ActsBeforeThePoll()
    {
        // With an hour between polls, only the in-process signal can stop the job within the test's timeout.
        using var factory = new RemapApiFactory();
        factory.Settings["Remap:CancelCheckInterval"] = "01:00:00";
        var client = factory.CreateClient();
        var request = new CreateModelRequest(Architectures.Tiny, Training: new TrainingOverrides(Epochs: 200, BatchSize: 16));
        var created = await (await client.PostAsJsonAsync("/api/v1/models", request)).Content.ReadFromJsonAsync<CreatedModelResponse>(RemapApiFactory.Json);
        await WaitForStateAsync(client, created!.Job.Id, JobStates.Running);

        await client.PostAsync($"/api/v1/jobs/{created.Job.Id}/cancel", null);
        var job = await RemapApiFactory.WaitForJobAsync(client, created.Job.Id, Timeout);

        Assert.Equal(JobStates.Cancelled, job.State);
        Assert.True(job.Epoch < 200);
    }

    [Fact]
    public async Task FailedTraining_IsRecordedAndWorkerContinues()
    {
        long brokenJobId;
        string directory;
        using (var queueOnly = new QueueOnlyApiFactory())
        {
            directory = queueOnly.Directory;
            var created = await (await queueOnly.CreateClient().PostAsJsonAsync("/api/v1/models", new CreateModelRequest(Architectures.Tiny)))
                .Content.ReadFromJsonAsync<CreatedModelResponse>(RemapApiFactory.Json);
            brokenJobId = created!.Job.Id;

            // Damage the stored text so the worker's compile step fails, as a model stored by an older version might.
            await using var context = await queueOnly.Services.GetRequiredService<IDbContextFactory<RemapDbContext>>().CreateDbContextAsync();
            await context.Models.Where(model => model.Id == created.Model.Id)
                .ExecuteUpdateAsync(setters => setters.SetProperty(model => model.CanonicalText, "model broken\nflaten\n"));
            queueOnly.KeepDirectory = true;
        }

        using var withWorker = new RemapApiFactory(directory);
        var client = withWorker.CreateClient();
        var broken = await RemapApiFactory.WaitForJobAsync(client, brokenJobId, Timeout);
        var next = await (await client.PostAsJsonAsync("/api/v1/models", new CreateModelRequest(Architectures.Tiny.Replace("batch_size = 128", "batch_size = 100"))))
            .Content.ReadFromJsonAsync<CreatedModelResponse>(RemapApiFactory.Json);
        var nextJob = await RemapApiFactory.WaitForJobAsync(client, next!.Job.Id, Timeout);

        Assert.Equal(JobStates.Failed, broken.State);
        Assert.Contains("no longer compiles", broken.Error);
        Assert.Equal(JobStates.Succeeded, nextJob.State);
    }

    private static async Task WaitForStateAsync(HttpClient client, long jobId, string state)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (DateTime.UtcNow < deadline)
        {
            var job = await client.GetFromJsonAsync<JobResponse>($"/api/v1/jobs/{jobId}", RemapApiFactory.Json);
            if (job!.State == state)
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"Job {jobId} did not reach state '{state}' within {Timeout}.");
    }
}
