using System.Net;
using System.Net.Http.Json;
using Remap.Api.Populations;
using Remap.Engine.Store;

namespace Remap.Api.Tests;

/// <summary>POST /api/v1/populations on a server whose worker is off.</summary>
public sealed class PopulationApiTests(QueueOnlyApiFactory factory) : IClassFixture<QueueOnlyApiFactory>
{
    private readonly HttpClient client = factory.CreateClient();

    [Fact]
    public async Task Population_QueuesEveryMember()
    {
        var population = await ExplorationApi.SampleAsync(client, 6, seed: 101);

        Assert.Equal(6, population.Members.Count);
        Assert.Equal(101, population.Seed);
        Assert.Equal(population.Members.Count, population.Queued + population.Reused + population.Duplicates);
        Assert.All(population.Members, member => Assert.Equal(JobStates.Queued, member.Model.Status));
        Assert.All(population.Members, member => Assert.InRange(member.Model.ParameterCount, 1, 200_000));
    }

    [Fact]
    public async Task Population_SameSeedReusesModels()
    {
        var first = await ExplorationApi.SampleAsync(client, 4, seed: 202);

        var second = await ExplorationApi.SampleAsync(client, 4, seed: 202);

        Assert.Equal(first.Members.Select(member => member.Model.Id), second.Members.Select(member => member.Model.Id));
        Assert.Equal(0, second.Queued);
    }

    [Fact]
    public async Task Population_DuplicatesTrainedOnce()
    {
        // With only flatten allowed and two layers, every member is flatten → dense10.
        var request = new CreatePopulationRequest(ExplorationApi.Dataset, 5, MaxDepth: 2, AllowedKinds: ["flatten"], Seed: 3);

        var response = await client.PostAsJsonAsync("/api/v1/populations", request);
        var population = await response.Content.ReadFromJsonAsync<PopulationResponse>(RemapApiFactory.Json);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(population!.Members.Select(member => member.Model.Id).Distinct());
        Assert.Equal(4, population.Duplicates);
        Assert.Equal([null, 0, 0, 0, 0], population.Members.Select(member => member.DuplicateOf));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(201)]
    public async Task Population_RejectsCountOutOfRange(int count)
    {
        var response = await client.PostAsJsonAsync("/api/v1/populations", new CreatePopulationRequest(ExplorationApi.Dataset, count));
        using var problem = await ExplorationApi.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("count", out _), problem.RootElement.GetRawText());
    }

    [Fact]
    public async Task Population_RejectsUnknownLayerKind()
    {
        var response = await client.PostAsJsonAsync("/api/v1/populations", new CreatePopulationRequest(ExplorationApi.Dataset, 3, AllowedKinds: ["conv2d", "conv3d"]));
        using var problem = await ExplorationApi.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'conv3d' is not a layer kind", problem.RootElement.GetProperty("errors").GetRawText());
    }

    [Fact]
    public async Task Population_RejectsUnknownDataset()
    {
        var response = await client.PostAsJsonAsync("/api/v1/populations", new CreatePopulationRequest("no-such-dataset", 3));
        using var problem = await ExplorationApi.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("fashion-mnist-sample", problem.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Population_RejectsImageWithoutFlatten()
    {
        var response = await client.PostAsJsonAsync("/api/v1/populations", new CreatePopulationRequest(ExplorationApi.Dataset, 3, AllowedKinds: ["conv2d", "relu"]));
        using var problem = await ExplorationApi.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("flatten or globalavgpool", problem.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Population_MissingFieldsSayMissing()
    {
        var response = await client.PostAsJsonAsync("/api/v1/populations", new { maxDepth = 4 });
        using var problem = await ExplorationApi.ReadJsonAsync(response);
        var errors = problem.RootElement.GetProperty("errors");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("'count' is missing: give a number from 1 to 200 (how many architectures to sample).", errors.GetProperty("count")[0].GetString());
        Assert.Equal("'dataset' is missing: give a dataset name from GET /api/v1/datasets.", errors.GetProperty("dataset")[0].GetString());
    }
}
