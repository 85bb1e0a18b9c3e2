using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Remap.Api.Jobs;
using Remap.Api.Models;
using Remap.Engine.Store;

namespace Remap.Api.Tests;

/// <summary>Error responses and queue operations, on a server whose worker is off.</summary>
public sealed class ErrorResponseTests(QueueOnlyApiFactory factory) : IClassFixture<QueueOnlyApiFactory>
{
    private static int nextSeed = 1000;

    private readonly HttpClient client = factory.CreateClient();

    [Fact]
    public async Task CreateModel_BadArchitecture_Returns400WithDiagnostics()
    {
        var response = await client.PostAsJsonAsync("/api/v1/models", new CreateModelRequest(Architectures.UnknownLayer));
        using var problem = await ReadProblemAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var diagnostic = problem.RootElement.GetProperty("diagnostics")[0];
        Assert.Equal(3, diagnostic.GetProperty("line").GetInt32());
        Assert.Equal(1, diagnostic.GetProperty("column").GetInt32());
        Assert.StartsWith("RM", diagnostic.GetProperty("code").GetString());
        Assert.Equal("error", diagnostic.GetProperty("severity").GetString());
        Assert.Contains("flaten", diagnostic.GetProperty("message").GetString());
    }

    [Fact]
    public async Task CreateModel_UnknownDatasetOverride_Returns400()
    {
        var response = await client.PostAsJsonAsync("/api/v1/models", new CreateModelRequest(Architectures.Tiny, Dataset: "no-such-dataset"));
        using var problem = await ReadProblemAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("no-such-dataset", problem.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task CreateModel_UnknownDatasetInFile_Returns400()
    {
        var source = Architectures.Tiny.Replace("dataset fashion-mnist-sample", "dataset no-such-dataset");

        var response = await client.PostAsJsonAsync("/api/v1/models", new CreateModelRequest(source));
        using var problem = await ReadProblemAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("no-such-dataset", problem.RootElement.GetRawText());
    }

    [Fact]
    public async Task CreateModel_MisspelledDatasetOverride_SuggestsName()
    {
        var response = await client.PostAsJsonAsync("/api/v1/models", new CreateModelRequest(Architectures.Tiny, Dataset: "fashion-mnst-sample"));
        using var problem = await ReadProblemAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Did you mean 'fashion-mnist-sample'?", problem.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task CreateModel_MisspelledDatasetInFile_SuggestsName()
    {
        var source = Architectures.Tiny.Replace("dataset fashion-mnist-sample", "dataset fashion-mnst-sample");

        var response = await client.PostAsJsonAsync("/api/v1/models", new CreateModelRequest(source));
        using var problem = await ReadProblemAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("did you mean 'fashion-mnist-sample'?", problem.RootElement.GetProperty("diagnostics")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task CreateModel_MalformedJson_ExplainsPosition()
    {
        using var body = new StringContent("{\"source\": \"model x\n", System.Text.Encoding.UTF8, "application/json");

        var response = await client.PostAsync("/api/v1/models", body);
        using var problem = await ReadProblemAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var detail = problem.RootElement.GetProperty("detail").GetString();
        Assert.Contains("not valid JSON", detail);
        Assert.Contains("BytePositionInLine", detail);
        Assert.Contains("\"source\"", detail);
    }

    [Fact]
    public async Task CreateModel_PlainTextBody_Returns415WithDetail()
    {
        using var body = new StringContent(Architectures.Tiny, System.Text.Encoding.UTF8, "text/plain");

        var response = await client.PostAsync("/api/v1/models", body);
        using var problem = await ReadProblemAsync(response);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        var detail = problem.RootElement.GetProperty("detail").GetString();
        Assert.Contains("'text/plain", detail);
        Assert.Contains("application/json", detail);
        Assert.Contains("\"source\"", detail);
    }

    [Fact]
    public async Task CreateModel_NoBody_SaysBodyIsMissing()
    {
        var response = await client.PostAsync("/api/v1/models", null);
        using var problem = await ReadProblemAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("no body", problem.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task CreateModel_EmptySource_ReturnsValidationProblem()
    {
        var response = await client.PostAsJsonAsync("/api/v1/models", new CreateModelRequest("", Training: new TrainingOverrides(Epochs: 0)));
        using var problem = await ReadProblemAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = problem.RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty("source", out _));
        Assert.True(errors.TryGetProperty("training.epochs", out _));
    }

    [Fact]
    public async Task CreateModel_MissingSourceSaysMissing()
    {
        var response = await client.PostAsJsonAsync("/api/v1/models", new { name = "m" });
        using var problem = await ReadProblemAsync(response);
        var messages = problem.RootElement.GetProperty("errors").GetProperty("source");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("'source' is missing: send the text of a .remap file.", messages[0].GetString());
        Assert.Equal(1, messages.GetArrayLength());
    }

    [Fact]
    public async Task CreateModel_NestedJobErrorUsesJsonPath()
    {
        var response = await client.PostAsJsonAsync("/api/v1/models", new CreateModelRequest(Architectures.Tiny, Job: new JobOptionsRequest(TimeBudgetSeconds: -1)));
        using var problem = await ReadProblemAsync(response);
        var message = problem.RootElement.GetProperty("errors").GetProperty("job.timeBudgetSeconds")[0].GetString();

        Assert.StartsWith("'job.timeBudgetSeconds' must be more than 0", message);
    }

    [Fact]
    public async Task CreateModel_SameQueuedModel_ReturnsItWith200()
    {
        var first = await CreateAsync();
        var request = new CreateModelRequest(Architectures.Tiny, Training: new TrainingOverrides(Seed: first.Model.Training.Seed));

        var response = await client.PostAsJsonAsync("/api/v1/models", request);
        var again = await response.Content.ReadFromJsonAsync<CreatedModelResponse>(RemapApiFactory.Json);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(again!.Reused);
        Assert.False(first.Reused);
        Assert.Equal(first.Model.Id, again.Model.Id);
        Assert.Equal(first.Job.Id, again.Job.Id);
    }

    [Fact]
    public async Task CreateModel_OtherRepeats_TrainsAgain()
    {
        var first = await CreateAsync();
        var request = new CreateModelRequest(Architectures.Tiny, Training: new TrainingOverrides(Seed: first.Model.Training.Seed), Job: new JobOptionsRequest(Repeats: 3));

        var response = await client.PostAsJsonAsync("/api/v1/models", request);
        var threeSeeds = await response.Content.ReadFromJsonAsync<CreatedModelResponse>(RemapApiFactory.Json);
        var again = await (await client.PostAsJsonAsync("/api/v1/models", request)).Content.ReadFromJsonAsync<CreatedModelResponse>(RemapApiFactory.Json);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.False(threeSeeds!.Reused);
        Assert.NotEqual(first.Model.Id, threeSeeds.Model.Id);
        Assert.Equal(3, threeSeeds.Job.Repeats);
        Assert.True(again!.Reused);
        Assert.Equal(threeSeeds.Model.Id, again.Model.Id);
    }

    [Fact]
    public async Task CreateModel_JobPriority_IsStoredOnTheQueuedJob()
    {
        var request = new CreateModelRequest(Architectures.Tiny, Training: new TrainingOverrides(Seed: Interlocked.Increment(ref nextSeed)), Job: new JobOptionsRequest(Priority: 7));

        var response = await client.PostAsJsonAsync("/api/v1/models", request);
        var created = await response.Content.ReadFromJsonAsync<CreatedModelResponse>(RemapApiFactory.Json);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(7, created!.Job.Priority);
    }

    [Fact]
    public async Task CreateModel_SameCancelledModel_CreatesNewOne()
    {
        var first = await CreateAsync();
        await client.PostAsync($"/api/v1/jobs/{first.Job.Id}/cancel", null);
        var request = new CreateModelRequest(Architectures.Tiny, Training: new TrainingOverrides(Seed: first.Model.Training.Seed));

        var response = await client.PostAsJsonAsync("/api/v1/models", request);
        var again = await response.Content.ReadFromJsonAsync<CreatedModelResponse>(RemapApiFactory.Json);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.False(again!.Reused);
        Assert.NotEqual(first.Model.Id, again.Model.Id);
        Assert.Equal(first.Model.ArchitectureHash, again.Model.ArchitectureHash);
    }

    [Fact]
    public async Task ListJobs_UnknownState_Returns400NamingStates()
    {
        var response = await client.GetAsync("/api/v1/jobs?state=bogus");
        using var problem = await ReadProblemAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var detail = problem.RootElement.GetProperty("detail").GetString();
        Assert.Contains("'bogus'", detail);
        Assert.All(JobStates.All, state => Assert.Contains(state, detail));
    }

    [Fact]
    public async Task CreateModel_UnknownParent_Returns400()
    {
        var response = await client.PostAsJsonAsync("/api/v1/models", new CreateModelRequest(Architectures.Tiny, ParentId: 999_999));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task GetModel_UnknownId_Returns404WithId()
    {
        var response = await client.GetAsync("/api/v1/models/424242");
        using var problem = await ReadProblemAsync(response);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("424242", problem.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task GetJob_UnknownId_Returns404WithId()
    {
        var response = await client.GetAsync("/api/v1/jobs/515151");
        using var problem = await ReadProblemAsync(response);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("515151", problem.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Ablation_UnfinishedModel_Returns409()
    {
        var created = await CreateAsync();

        var response = await client.PostAsync($"/api/v1/models/{created.Model.Id}/ablations", null);
        using var problem = await ReadProblemAsync(response);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("not finished training", problem.RootElement.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("variations")]
    [InlineData("ablations")]
    public async Task Derive_CancelledParent_SaysTrainAgain(string kind)
    {
        var created = await CreateAsync();
        await client.PostAsync($"/api/v1/jobs/{created.Job.Id}/cancel", null);

        var body = new StringContent(kind == "variations" ? """{"count": 1}""" : "{}", System.Text.Encoding.UTF8, "application/json");
        var response = await client.PostAsync($"/api/v1/models/{created.Model.Id}/{kind}", body);
        using var problem = await ReadProblemAsync(response);
        var detail = problem.RootElement.GetProperty("detail").GetString();

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("ended as cancelled", detail);
        Assert.Contains("POST /api/v1/models", detail);
    }

    [Fact]
    public async Task Ablation_UnknownModel_Returns404()
    {
        var response = await client.PostAsync("/api/v1/models/777777/ablations", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task CancelJob_Queued_CancelsThenConflicts()
    {
        var created = await CreateAsync();

        var first = await client.PostAsync($"/api/v1/jobs/{created.Job.Id}/cancel", null);
        var job = await first.Content.ReadFromJsonAsync<JobResponse>(RemapApiFactory.Json);
        var second = await client.PostAsync($"/api/v1/jobs/{created.Job.Id}/cancel", null);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(JobStates.Cancelled, job!.State);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
    }

    [Fact]
    public async Task ListJobs_FiltersByState()
    {
        var created = await CreateAsync();

        var queued = await client.GetFromJsonAsync<List<JobResponse>>("/api/v1/jobs?state=queued", RemapApiFactory.Json);

        Assert.Contains(queued!, job => job.Id == created.Job.Id);
        Assert.All(queued!, job => Assert.Equal(JobStates.Queued, job.State));
    }

    [Fact]
    public async Task ListDatasets_IncludesBundledSample()
    {
        var datasets = await client.GetFromJsonAsync<List<Datasets.DatasetResponse>>("/api/v1/datasets", RemapApiFactory.Json);

        var sample = Assert.Single(datasets!, dataset => dataset.Name == "fashion-mnist-sample");
        Assert.Equal("1x28x28", sample.Input);
        Assert.Equal(10, sample.Classes);
    }

    private async Task<CreatedModelResponse> CreateAsync()
    {
        // A seed of its own gives each call a new training hash, so no test reuses another test's model.
        var request = new CreateModelRequest(Architectures.Tiny, Training: new TrainingOverrides(Seed: Interlocked.Increment(ref nextSeed)));
        var response = await client.PostAsJsonAsync("/api/v1/models", request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<CreatedModelResponse>(RemapApiFactory.Json))!;
    }

    private static async Task<JsonDocument> ReadProblemAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync());
}
