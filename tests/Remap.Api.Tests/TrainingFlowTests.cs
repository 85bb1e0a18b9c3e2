using System.Net;
using System.Net.Http.Json;
using Remap.Api.Ablations;
using Remap.Api.Models;
using Remap.Engine.Store;

namespace Remap.Api.Tests;

/// <summary>End-to-end flows with the real worker and trainer on the bundled Fashion-MNIST sample.</summary>
public sealed class TrainingFlowTests(RemapApiFactory factory) : IClassFixture<RemapApiFactory>
{
    private static readonly TimeSpan TrainingTimeout = TimeSpan.FromMinutes(2);

    private static int nextSeed = 2000;

    private readonly HttpClient client = factory.CreateClient();

    [Fact]
    public async Task CreateModel_TrainsToSuccessWithMetrics()
    {
        var created = await CreateAsync(Architectures.Tiny);

        var job = await RemapApiFactory.WaitForJobAsync(client, created.Job.Id, TrainingTimeout);
        var model = await client.GetFromJsonAsync<ModelDetail>($"/api/v1/models/{created.Model.Id}", RemapApiFactory.Json);

        Assert.Equal(JobStates.Succeeded, job.State);
        Assert.Equal(1, job.Epoch);
        Assert.Equal(JobStates.Succeeded, model!.Status);
        var run = Assert.IsType<RunResponse>(model.LatestRun);
        Assert.Single(run.Epochs);
        Assert.InRange(run.ValidationAccuracy, 0.2, 1.0);
        Assert.InRange(run.TestAccuracy, 0.2, 1.0);
        Assert.Equal(10, run.PerClassTestAccuracy.Count);
        Assert.Equal(10, run.ConfusionMatrix.Count);
        Assert.Equal(run.ValidationAccuracy, model.ValidationAccuracy);
    }

    [Fact]
    public async Task CreateModel_ReturnsLayerTableWithShapes()
    {
        var created = await CreateAsync(Architectures.Tiny);

        var layers = created.Model.Layers;
        Assert.Equal(2, layers.Count);
        Assert.Equal("flatten", layers[0].Kind);
        Assert.Equal([784], layers[0].OutputShape);
        Assert.Equal([10], layers[1].OutputShape);
        Assert.Equal(784 * 10 + 10, layers[1].ParameterCount);
        Assert.Equal(784 * 10 + 10, created.Model.ParameterCount);
        Assert.Equal(JobStates.Queued, created.Job.State);
    }

    [Fact]
    public async Task CreateModel_AppliesTrainingOverridesAndName()
    {
        var response = await client.PostAsJsonAsync("/api/v1/models", new CreateModelRequest(
            Architectures.Tiny, Name: "renamed", Training: new TrainingOverrides(BatchSize: 256, Optimizer: "sgd", Seed: 7)));
        var created = await response.Content.ReadFromJsonAsync<CreatedModelResponse>(RemapApiFactory.Json);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("renamed", created!.Model.Name);
        Assert.Equal(new TrainingSettingsResponse(1, 256, "sgd", 0.001, 0, 7), created.Model.Training);
    }

    [Fact]
    public async Task Ablation_ChildrenLinkedToParentAndSkipsReported()
    {
        var parent = await CreateAsync(Architectures.Ablatable);
        var parentJob = await RemapApiFactory.WaitForJobAsync(client, parent.Job.Id, TrainingTimeout);
        Assert.Equal(JobStates.Succeeded, parentJob.State);

        var response = await client.PostAsync($"/api/v1/models/{parent.Model.Id}/ablations", null);
        var study = await response.Content.ReadFromJsonAsync<AblationStudyResponse>(RemapApiFactory.Json);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([1, 2, 3], study!.Children.Select(child => child.RemovedLayerIndex));
        var skipped = Assert.Single(study.Skipped);
        Assert.Equal(0, skipped.LayerIndex);
        Assert.False(string.IsNullOrWhiteSpace(skipped.Reason));
        foreach (var child in study.Children)
        {
            var detail = await client.GetFromJsonAsync<ModelDetail>($"/api/v1/models/{child.Model.Id}", RemapApiFactory.Json);
            Assert.False(child.Reused);
            Assert.Equal(parent.Model.Id, detail!.ParentId);
            Assert.Equal([child.Change], detail.Changes);
            Assert.Equal(parent.Model.Layers.Count - 1, detail.Layers.Count);
            Assert.NotEqual(parent.Model.ArchitectureHash, detail.ArchitectureHash);
        }
    }

    [Fact]
    public async Task Ablation_RepeatedStudy_ReusesExistingChildren()
    {
        // Another width and dropout rate, so no child equals a child of the other ablation test.
        var parent = await CreateAsync(Architectures.Ablatable.Replace("units=16", "units=12").Replace("rate=0.1", "rate=0.2"));
        await RemapApiFactory.WaitForJobAsync(client, parent.Job.Id, TrainingTimeout);

        var first = await PostAblationAsync(parent.Model.Id);
        var second = await PostAblationAsync(parent.Model.Id);

        Assert.All(second.Children, child => Assert.True(child.Reused));
        Assert.Equal(first.Children.Select(child => child.Model.Id), second.Children.Select(child => child.Model.Id));
    }

    [Fact]
    public async Task ListModels_FiltersByArchitectureHash()
    {
        var created = await CreateAsync(Architectures.Tiny.Replace("units=10", "units=10\n# variant"));

        var models = await client.GetFromJsonAsync<List<ModelSummary>>(
            $"/api/v1/models?architectureHash={created.Model.ArchitectureHash}&dataset=fashion-mnist-sample", RemapApiFactory.Json);

        Assert.NotEmpty(models!);
        Assert.All(models!, model => Assert.Equal(created.Model.ArchitectureHash, model.ArchitectureHash));
    }

    [Fact]
    public async Task ListModels_SortsByValidationAccuracyThenId()
    {
        var trained = await CreateAsync(Architectures.Tiny.Replace("batch_size = 128", "batch_size = 64"));
        await RemapApiFactory.WaitForJobAsync(client, trained.Job.Id, TrainingTimeout);
        await CreateAsync(Architectures.Tiny.Replace("batch_size = 128", "batch_size = 32"));

        var models = await client.GetFromJsonAsync<List<ModelSummary>>("/api/v1/models", RemapApiFactory.Json);

        var expected = models!
            .OrderBy(model => model.ValidationAccuracy is null)
            .ThenByDescending(model => model.ValidationAccuracy)
            .ThenBy(model => model.Id)
            .Select(model => model.Id);
        Assert.Equal(expected, models!.Select(model => model.Id));
        Assert.Contains(models!, model => model.ValidationAccuracy is not null);
    }

    private async Task<CreatedModelResponse> CreateAsync(string source)
    {
        // A seed of its own gives each call a new training hash, so no test reuses another test's model.
        var request = new CreateModelRequest(source, Training: new TrainingOverrides(Seed: Interlocked.Increment(ref nextSeed)));
        var response = await client.PostAsJsonAsync("/api/v1/models", request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<CreatedModelResponse>(RemapApiFactory.Json))!;
    }

    private async Task<AblationStudyResponse> PostAblationAsync(long modelId)
    {
        var response = await client.PostAsync($"/api/v1/models/{modelId}/ablations", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<AblationStudyResponse>(RemapApiFactory.Json))!;
    }
}
