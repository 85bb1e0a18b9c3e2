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
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(count is 0 or 51 ? "count" : "maxChanges", out _));
    }

    [Fact]
    public async Task Variation_MissingCountSaysMissing()
    {
        var parentId = await TrainedParentAsync();

        var response = await client.PostAsJsonAsync($"/api/v1/models/{parentId}/variations", new { maxChanges = 2 });
        using var problem = await ExplorationApi.ReadJsonAsync(response);
        var errors = problem.RootElement.GetProperty("errors");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("'count' is missing: give a number from 1 to 50 (how many children to make).", errors.GetProperty("count")[0].GetString());
        Assert.Equal(1, errors.GetProperty("count").GetArrayLength());
    }

    [Fact]
    public async Task Variation_RangeMessageNamesJsonProperty()
    {
        var parentId = await TrainedParentAsync();

        var response = await client.PostAsJsonAsync($"/api/v1/models/{parentId}/variations", new { count = 2, maxChanges = 9 });
        using var problem = await ExplorationApi.ReadJsonAsync(response);
        var message = problem.RootElement.GetProperty("errors").GetProperty("maxChanges")[0].GetString();

        Assert.StartsWith("'maxChanges' must be between 1 and 5", message);
        Assert.Contains("9", message);
    }

    [Fact]
    public async Task Variation_NestedErrorsUseJsonPaths()
    {
        var parentId = await TrainedParentAsync();

        var body = new { count = 2, layers = new object[] { new { index = 1 }, new { actions = new[] { "remove" } }, new { index = -2 } } };
        var response = await client.PostAsJsonAsync($"/api/v1/models/{parentId}/variations", body);
        using var problem = await ExplorationApi.ReadJsonAsync(response);
        var errors = problem.RootElement.GetProperty("errors");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("'layers[1].index' is missing", errors.GetProperty("layers[1].index")[0].GetString());
        Assert.StartsWith("'layers[2].index' must be greater than or equal to '0'", errors.GetProperty("layers[2].index")[0].GetString());
    }

    [Fact]
    public async Task Variation_UnknownActionKeyedByPath()
    {
        var parentId = await TrainedParentAsync();

        var request = new CreateVariationsRequest(2, Layers: [new LayerRestrictionRequest(1, ["remove", "duplicate"])]);
        var response = await client.PostAsJsonAsync($"/api/v1/models/{parentId}/variations", request);
        using var problem = await ExplorationApi.ReadJsonAsync(response);

        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("layers[0].actions[1]", out _));
    }

    [Fact]
    public async Task Variation_RejectsDuplicateRestriction()
    {
        var parentId = await TrainedParentAsync();

        var request = new CreateVariationsRequest(2, Layers: [new LayerRestrictionRequest(2, ["remove"]), new LayerRestrictionRequest(2, ["replace"])]);
        var response = await client.PostAsJsonAsync($"/api/v1/models/{parentId}/variations", request);
        using var problem = await ExplorationApi.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("'layers' restricts index 2 (layer 3) twice: merge the two restrictions into one.",
            problem.RootElement.GetProperty("errors").GetProperty("layers")[0].GetString());
    }

    [Fact]
    public async Task Variation_EveryLayerFrozenIs400()
    {
        var parentId = await TrainedParentAsync();

        var frozen = Enumerable.Range(0, 8).Select(index => new LayerRestrictionRequest(index, Actions: [])).ToList();
        var response = await client.PostAsJsonAsync($"/api/v1/models/{parentId}/variations", new CreateVariationsRequest(3, Layers: frozen));
        using var problem = await ExplorationApi.ReadJsonAsync(response);
        var detail = problem.RootElement.GetProperty("detail").GetString();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Every layer is frozen", problem.RootElement.GetProperty("title").GetString());
        Assert.Contains("allow no action on any of its layers 1 to 8", detail);
        Assert.Contains("leave 'layers' out", detail);
    }

    [Fact]
    public async Task Variation_NoKindsToInsertIsFrozen()
    {
        var parentId = await TrainedParentAsync();

        // Insert is allowed everywhere, but no kind may be inserted, so nothing can change.
        var layers = Enumerable.Range(0, 8).Select(index => new LayerRestrictionRequest(index, ["insert"], [])).ToList();
        var response = await client.PostAsJsonAsync($"/api/v1/models/{parentId}/variations", new CreateVariationsRequest(3, Layers: layers));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Variation_FinalLayerInsertKeepsItOpen()
    {
        var parentId = await TrainedParentAsync();

        // Layers 1 to 7 are frozen; insertions before the final dense layer remain.
        var frozen = Enumerable.Range(0, 7).Select(index => new LayerRestrictionRequest(index, Actions: [])).ToList();
        var response = await client.PostAsJsonAsync($"/api/v1/models/{parentId}/variations", new CreateVariationsRequest(2, Seed: 3, Layers: frozen));
        var variations = await response.Content.ReadFromJsonAsync<VariationsResponse>(RemapApiFactory.Json);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.All(variations!.Children, child => Assert.Equal("inserted", Assert.Single(child.Changes).Kind));
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
        Assert.Contains("index 30 (layer 31), but model", problem.RootElement.GetProperty("detail").GetString());
        Assert.Contains("indexes 0 to 7", problem.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Variation_UnknownParentReturns404()
    {
        var response = await client.PostAsJsonAsync("/api/v1/models/987654/variations", new CreateVariationsRequest(2));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
