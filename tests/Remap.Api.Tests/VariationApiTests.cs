using System.Net;
using System.Net.Http.Json;
using Remap.Api.Models;
using Remap.Api.Variations;

namespace Remap.Api.Tests;

/// <summary>POST /api/v1/models/{id}/variations on a server whose worker is off; parents get a recorded run.</summary>
public sealed class VariationApiTests(QueueOnlyApiFactory factory) : IClassFixture<QueueOnlyApiFactory>
{
    private readonly HttpClient client = factory.CreateClient();

    private async Task<long> TrainedParentAsync()
    {
        var parent = await ExplorationApi.CreateAsync(client, ExplorationApi.Cnn);
        if (parent.Model.Status != "succeeded")
        {
            await ExplorationApi.MarkTrainedAsync(factory, parent.Model.Id, 0.8);
        }

        return parent.Model.Id;
    }

    [Fact]
    public async Task Variation_ChildrenRecordParentAndChanges()
    {
        var parentId = await TrainedParentAsync();

        var response = await client.PostAsJsonAsync($"/api/v1/models/{parentId}/variations", new CreateVariationsRequest(5, MaxChanges: 2, Seed: 4));
        var variations = await response.Content.ReadFromJsonAsync<VariationsResponse>(RemapApiFactory.Json);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(5, variations!.Children.Count);
        Assert.Null(variations.Shortfall);
        foreach (var child in variations.Children)
        {
            var model = await client.GetFromJsonAsync<ModelDetail>($"/api/v1/models/{child.Model.Id}", RemapApiFactory.Json);
            Assert.Equal(parentId, model!.ParentId);
            Assert.InRange(model.Changes.Count, 1, 2);
            Assert.Equal(child.Changes.Select(change => change.Description), model.Changes);
        }
    }

    [Fact]
    public async Task Variation_HonoursLayerRestriction()
    {
        var parentId = await TrainedParentAsync();

        // Only layer 0 may change, and only its parameters.
        var frozen = Enumerable.Range(1, 7).Select(index => new LayerRestrictionRequest(index, Actions: []));
        LayerRestrictionRequest[] layers = [new(0, ["reparameterise"]), .. frozen];
        var response = await client.PostAsJsonAsync($"/api/v1/models/{parentId}/variations", new CreateVariationsRequest(4, MaxChanges: 3, Seed: 8, Layers: layers));
        var variations = await response.Content.ReadFromJsonAsync<VariationsResponse>(RemapApiFactory.Json);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(variations!.Children);
        Assert.All(variations.Children, child =>
        {
            var change = Assert.Single(child.Changes);
            Assert.Equal("reparameterised", change.Kind);
            Assert.Equal(0, change.BeforeIndex);
        });
    }

    [Fact]
    public async Task Variation_RejectsUntrainedParent()
    {
        var parent = await ExplorationApi.CreateAsync(client, ExplorationApi.Cnn.Replace("filters=8", "filters=12"));

        var response = await client.PostAsJsonAsync($"/api/v1/models/{parent.Model.Id}/variations", new CreateVariationsRequest(3));
        using var problem = await ExplorationApi.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("has not finished training", problem.RootElement.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(51, 1)]
    [InlineData(3, 6)]
    public async Task Variation_RejectsCountsOutOfRange(int count, int maxChanges)
    {
        var parentId = await TrainedParentAsync();

        var response = await client.PostAsJsonAsync($"/api/v1/models/{parentId}/variations", new CreateVariationsRequest(count, maxChanges));
        using var problem = await ExplorationApi.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(count is 0 or 51 ? "Count" : "MaxChanges", problem.RootElement.GetProperty("errors").GetRawText());
    }

    [Fact]
    public async Task Variation_RejectsUnknownKindInRestriction()
    {
        var parentId = await TrainedParentAsync();

        var request = new CreateVariationsRequest(2, Layers: [new LayerRestrictionRequest(1, ["insert"], ["lstm"])]);
        var response = await client.PostAsJsonAsync($"/api/v1/models/{parentId}/variations", request);
        using var problem = await ExplorationApi.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'lstm' is not a layer kind", problem.RootElement.GetProperty("errors").GetRawText());
    }

    [Fact]
    public async Task Variation_RejectsUnknownAction()
    {
        var parentId = await TrainedParentAsync();

        var request = new CreateVariationsRequest(2, Layers: [new LayerRestrictionRequest(1, ["duplicate"])]);
        var response = await client.PostAsJsonAsync($"/api/v1/models/{parentId}/variations", request);
        using var problem = await ExplorationApi.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'duplicate' is not a variation action", problem.RootElement.GetProperty("errors").GetRawText());
    }

    [Fact]
    public async Task Variation_RejectsLayerIndexOutOfRange()
    {
        var parentId = await TrainedParentAsync();

        var request = new CreateVariationsRequest(2, Layers: [new LayerRestrictionRequest(30)]);
        var response = await client.PostAsJsonAsync($"/api/v1/models/{parentId}/variations", request);
        using var problem = await ExplorationApi.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("index 30", problem.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Variation_UnknownParentReturns404()
    {
        var response = await client.PostAsJsonAsync("/api/v1/models/987654/variations", new CreateVariationsRequest(2));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
