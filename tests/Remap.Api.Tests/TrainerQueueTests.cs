using System.Net;
using System.Net.Http.Json;
using Remap.Api.Jobs;
using Remap.Api.Models;
using Remap.Engine.Store;

namespace Remap.Api.Tests;

/// <summary>The production trainer through the API: draining the queue, cancelling, diverging, priorities, repeats and warm start.</summary>
public sealed class TrainerQueueTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task QueueDrain_TwentyJobsTwoWorkers()
    {
        using var factory = new TinyDatasetApiFactory(concurrency: 2, torchThreads: 1);
        var client = factory.CreateClient();

        var created = new List<CreatedModelResponse>();
        for (var seed = 1; seed <= 20; seed++)
        {
            created.Add(await TinyDatasetApiFactory.CreateAsync(client, new CreateModelRequest(TinyDatasetApiFactory.Mlp(epochs: 1, seed))));
        }

        var jobs = new List<JobResponse>();
        foreach (var model in created)
        {
            jobs.Add(await RemapApiFactory.WaitForJobAsync(client, model.Job.Id, Timeout));
        }

        var models = await client.GetFromJsonAsync<List<ModelSummary>>("/api/v1/models", RemapApiFactory.Json);
        Assert.All(jobs, job => Assert.Equal(JobStates.Succeeded, job.State));
        Assert.Equal(20, models!.Count(model => model.RunCount == 1 && model.ValidationAccuracy is not null));
    }

    [Fact]
    public async Task CancelRunning_RecordsEpochsDone()
    {
        using var factory = new TinyDatasetApiFactory();
        var client = factory.CreateClient();
        var created = await TinyDatasetApiFactory.CreateAsync(client, new CreateModelRequest(TinyDatasetApiFactory.Mlp(epochs: 500)));
        await WaitUntilAsync(client, created.Job.Id, job => job.Epoch >= 1);

        var response = await client.PostAsync($"/api/v1/jobs/{created.Job.Id}/cancel", null);
        var job = await RemapApiFactory.WaitForJobAsync(client, created.Job.Id, Timeout);
        var model = await client.GetFromJsonAsync<ModelDetail>($"/api/v1/models/{created.Model.Id}", RemapApiFactory.Json);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(JobStates.Cancelled, job.State);
        Assert.InRange(job.Epoch, 1, 499);
        Assert.Equal(job.Epoch, job.EpochMetrics.Count);
        Assert.Equal(JobStates.Cancelled, model!.Status);
    }

    [Fact]
    public async Task HugeLearningRate_EndsDiverged()
    {
        using var factory = new TinyDatasetApiFactory();
        var client = factory.CreateClient();
        // Without activations the dense layers multiply, so SGD at the maximum learning rate overflows the loss.
        const string DeepLinear = """
            model deep_linear
            dataset tiny
            flatten
            dense units=64
            dense units=64
            dense units=10
            training {
              epochs = 20
              optimizer = sgd
              learning_rate = 10
            }
            """;

        var created = await TinyDatasetApiFactory.CreateAsync(client, new CreateModelRequest(DeepLinear));
        var job = await RemapApiFactory.WaitForJobAsync(client, created.Job.Id, Timeout);
        var model = await client.GetFromJsonAsync<ModelDetail>($"/api/v1/models/{created.Model.Id}", RemapApiFactory.Json);
        var summaries = await client.GetFromJsonAsync<List<ModelSummary>>("/api/v1/models", RemapApiFactory.Json);

        Assert.Equal(JobStates.Diverged, job.State);
        Assert.Contains("lower the learning rate", job.Error);
        Assert.Equal(job.Epoch, job.EpochMetrics.Count);
        Assert.Equal(JobStates.Diverged, model!.Status);
        Assert.Equal(JobStates.Diverged, Assert.Single(summaries!).Status);
    }

    [Fact]
    public async Task SetPriority_ReordersQueuedJobs()
    {
        using var factory = new QueueOnlyApiFactory();
        var client = factory.CreateClient();
        var first = await TinyDatasetApiFactory.CreateAsync(client, new CreateModelRequest(Architectures.Tiny));
        var second = await TinyDatasetApiFactory.CreateAsync(client, new CreateModelRequest(Architectures.Tiny.Replace("epochs = 1", "epochs = 2")));

        var response = await client.PutAsJsonAsync($"/api/v1/jobs/{second.Job.Id}/priority", new SetPriorityRequest(5));
        var job = await response.Content.ReadFromJsonAsync<JobResponse>(RemapApiFactory.Json);
        var unknown = await client.PutAsJsonAsync("/api/v1/jobs/9999/priority", new SetPriorityRequest(5));
        var invalid = await client.PutAsJsonAsync($"/api/v1/jobs/{first.Job.Id}/priority", new SetPriorityRequest(5_000_000));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(5, job!.Priority);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
    }

    [Fact]
    public async Task SetPriority_FinishedJobIsConflict()
    {
        using var factory = new QueueOnlyApiFactory();
        var client = factory.CreateClient();
        var created = await TinyDatasetApiFactory.CreateAsync(client, new CreateModelRequest(Architectures.Tiny));
        await client.PostAsync($"/api/v1/jobs/{created.Job.Id}/cancel", null);

        var response = await client.PutAsJsonAsync($"/api/v1/jobs/{created.Job.Id}/priority", new SetPriorityRequest(5));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("only a queued job", body);
    }

    [Fact]
    public async Task Repeats_ReportSpreadAndCompareWithParent()
    {
        using var factory = new TinyDatasetApiFactory();
        var client = factory.CreateClient();
        var options = new JobOptionsRequest(Repeats: 2);
        var parent = await TinyDatasetApiFactory.CreateAsync(client, new CreateModelRequest(TinyDatasetApiFactory.Mlp(epochs: 2), Job: options));
        await RemapApiFactory.WaitForJobAsync(client, parent.Job.Id, Timeout);
        var childSource = TinyDatasetApiFactory.Mlp(epochs: 2).Replace("dense units=32", "dense units=16");
        var child = await TinyDatasetApiFactory.CreateAsync(client, new CreateModelRequest(childSource, ParentId: parent.Model.Id, Job: options));
        var childJob = await RemapApiFactory.WaitForJobAsync(client, child.Job.Id, Timeout);

        var detail = await client.GetFromJsonAsync<ModelDetail>($"/api/v1/models/{child.Model.Id}", RemapApiFactory.Json);

        Assert.Equal(JobStates.Succeeded, childJob.State);
        Assert.Equal(2, detail!.RunCount);
        Assert.Equal([42, 43], detail.Runs.Select(run => run.Seed));
        Assert.NotNull(detail.ValidationAccuracyStd);
        Assert.NotNull(detail.ComparisonWithParent?.SeedSpread);
        Assert.NotNull(detail.ComparisonWithParent?.ExceedsSeedSpread);
    }

    [Fact]
    public async Task WarmStart_ChildCopiesParentLayers()
    {
        using var factory = new TinyDatasetApiFactory();
        var client = factory.CreateClient();
        var parentSource = TinyDatasetApiFactory.Mlp(epochs: 4).Replace("dense units=10", "dense units=16\nrelu\ndense units=10");
        var parent = await TinyDatasetApiFactory.CreateAsync(client, new CreateModelRequest(parentSource));
        await RemapApiFactory.WaitForJobAsync(client, parent.Job.Id, Timeout);

        var child = await TinyDatasetApiFactory.CreateAsync(client,
            new CreateModelRequest(TinyDatasetApiFactory.Mlp(epochs: 4), ParentId: parent.Model.Id, Job: new JobOptionsRequest(WarmStart: true)));
        var job = await RemapApiFactory.WaitForJobAsync(client, child.Job.Id, Timeout);
        var detail = await client.GetFromJsonAsync<ModelDetail>($"/api/v1/models/{child.Model.Id}", RemapApiFactory.Json);

        Assert.Equal(JobStates.Succeeded, job.State);
        Assert.True(job.WarmStart);
        Assert.Equal(2, job.Epochs);
        Assert.Equal(1, detail!.LatestRun!.WarmStartedLayers);
    }

    [Fact]
    public async Task JobOptions_InvalidValuesAreRejected()
    {
        using var factory = new QueueOnlyApiFactory();
        var client = factory.CreateClient();

        var response = await client.PostAsJsonAsync("/api/v1/models",
            new CreateModelRequest(Architectures.Tiny, Job: new JobOptionsRequest(Patience: 0, TimeBudgetSeconds: -1)));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'job.patience'", body);
        Assert.Contains("'job.timeBudgetSeconds'", body);
    }

    internal static async Task<JobResponse> WaitUntilAsync(HttpClient client, long jobId, Func<JobResponse, bool> condition)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (DateTime.UtcNow < deadline)
        {
            var job = await client.GetFromJsonAsync<JobResponse>($"/api/v1/jobs/{jobId}", RemapApiFactory.Json);
            if (condition(job!))
            {
                return job!;
            }

            Assert.False(JobStates.IsFinal(job!.State), $"Job {jobId} finished as '{job.State}' before the condition held.");
            await Task.Delay(50);
        }

        throw new TimeoutException($"Job {jobId} did not reach the expected progress within {Timeout}.");
    }
}
