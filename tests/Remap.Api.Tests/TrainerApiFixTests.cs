using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Remap.Api.Ablations;
using Remap.Api.Jobs;
using Remap.Api.Models;
using Remap.Engine.Events;

namespace Remap.Api.Tests;

/// <summary>Fixes from the newcomer trial of the trainer through the HTTP API: inherited job options, body errors, listings and events.</summary>
public sealed class TrainerApiFixTests(QueueOnlyApiFactory factory) : IClassFixture<QueueOnlyApiFactory>
{
    private readonly HttpClient client = factory.CreateClient();

    /// <summary>A trained CNN whose job ran with <paramref name="job"/>; the epoch count keeps its children apart from other tests' children.</summary>
    private async Task<long> TrainedParentAsync(int epochs, JobOptionsRequest job)
    {
        var response = await client.PostAsJsonAsync("/api/v1/models",
            new CreateModelRequest(ExplorationApi.Cnn, Training: new TrainingOverrides(Epochs: epochs), Job: job), RemapApiFactory.Json);
        response.EnsureSuccessStatusCode();
        var parent = (await response.Content.ReadFromJsonAsync<CreatedModelResponse>(RemapApiFactory.Json))!;
        await ExplorationApi.MarkTrainedAsync(factory, parent.Model.Id, 0.8);
        return parent.Model.Id;
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string path, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        var response = await client.PostAsync(path, content);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    private static string ErrorAt(JsonElement problem, string path) => problem.GetProperty("errors").GetProperty(path)[0].GetString()!;

    [Fact]
    public async Task Ablation_ChildInheritsParentJobOptions()
    {
        var parentId = await TrainedParentAsync(epochs: 3, new JobOptionsRequest(Repeats: 2, Patience: 1, TimeBudgetSeconds: 60));

        var response = await client.PostAsJsonAsync($"/api/v1/models/{parentId}/ablations", new CreateAblationStudyRequest(Layers: [1]), RemapApiFactory.Json);
        var child = (await response.Content.ReadFromJsonAsync<AblationStudyResponse>(RemapApiFactory.Json))!.Children.Single().Job!;

        Assert.Equal((2, 1, 60.0), (child.Repeats, child.Patience, child.TimeBudgetSeconds));
    }

    [Fact]
    public async Task Ablation_RequestFieldOverridesParent()
    {
        var parentId = await TrainedParentAsync(epochs: 4, new JobOptionsRequest(Repeats: 2, Patience: 1));

        var response = await client.PostAsJsonAsync($"/api/v1/models/{parentId}/ablations",
            new CreateAblationStudyRequest(Layers: [2], Job: new JobOptionsRequest(Repeats: 3)), RemapApiFactory.Json);
        var child = (await response.Content.ReadFromJsonAsync<AblationStudyResponse>(RemapApiFactory.Json))!.Children.Single().Job!;

        Assert.Equal((3, 1), (child.Repeats, child.Patience));
    }

    [Fact]
    public async Task HandcraftedChild_InheritsParentPatience()
    {
        var parentId = await TrainedParentAsync(epochs: 6, new JobOptionsRequest(Patience: 2));

        var response = await client.PostAsJsonAsync("/api/v1/models",
            new CreateModelRequest(ExplorationApi.Cnn, Training: new TrainingOverrides(Epochs: 7), ParentId: parentId), RemapApiFactory.Json);
        var child = (await response.Content.ReadFromJsonAsync<CreatedModelResponse>(RemapApiFactory.Json))!;

        Assert.Equal(2, child.Job.Patience);
    }

    [Fact]
    public async Task CreateModel_UnknownJobFieldRejected()
    {
        var (status, problem) = await PostAsync("/api/v1/models", """{"source":"model m","job":{"repeatz":2}}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("priority, repeats, warmStart, patience, timeBudgetSeconds", ErrorAt(problem, "job.repeatz"));
    }

    [Fact]
    public async Task CreateModel_TextEpochsRejected()
    {
        var (_, problem) = await PostAsync("/api/v1/models", """{"source":"model m","training":{"epochs":"five"}}""");

        Assert.Equal("'training.epochs' must be a whole number.", ErrorAt(problem, "training.epochs"));
    }

    [Fact]
    public async Task Ablation_TextLayersRejected()
    {
        var (_, problem) = await PostAsync("/api/v1/models/1/ablations", """{"layers":"2"}""");

        Assert.Equal("'layers' must be a list of whole numbers.", ErrorAt(problem, "layers"));
    }

    [Fact]
    public async Task SetPriority_FractionRejected()
    {
        using var content = new StringContent("""{"priority":1.5}""", Encoding.UTF8, "application/json");
        var response = await client.PutAsync("/api/v1/jobs/1/priority", content);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("'priority' must be a whole number.", ErrorAt(problem, "priority"));
    }

    [Fact]
    public async Task Recompute_MissingProjectionReported()
    {
        var (_, problem) = await PostAsync("/api/v1/overview/recompute", "{}");

        Assert.StartsWith("'projection' is missing", ErrorAt(problem, "projection"));
    }

    [Fact]
    public async Task ListModels_UnknownDatasetRejected()
    {
        var response = await client.GetAsync("/api/v1/models?dataset=nope");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'nope'", body);
        Assert.Contains(ExplorationApi.Dataset, body);
    }

    [Fact]
    public async Task UnknownRoute_ProblemNamesPathAndSwagger()
    {
        var response = await client.GetAsync("/api/v1/nothing-here");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("No endpoint matches GET /api/v1/nothing-here. The API's routes start with /api/v1; /swagger lists them all.",
            problem.GetProperty("detail").GetString());
    }
}

/// <summary>A Last-Event-ID beyond the newest stored event, as a client of another database sends.</summary>
public sealed class EventsAheadOfStoreTests
{
    [Fact]
    public async Task Events_IdBeyondNewestSendsResetFirst()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        using var factory = new QueueOnlyApiFactory();
        var client = EventStreams.StartKestrel(factory, TimeSpan.FromMinutes(1));
        await TinyDatasetApiFactory.CreateAsync(client, new CreateModelRequest(Architectures.Tiny));

        using var stream = await EventStreams.OpenAsync(client, "999999", timeout.Token);
        var first = await EventStreams.ReadJobEventAsync(stream, timeout.Token);

        Assert.Equal(JobEventTypes.Reset, first.Type);
        Assert.Equal(first.Data.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), first.Id);
    }
}
