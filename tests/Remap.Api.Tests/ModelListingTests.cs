using System.Net;
using System.Net.Http.Json;
using Remap.Api.Models;

namespace Remap.Api.Tests;

/// <summary>GET /api/v1/models page by page, on a store of its own so the model count is known.</summary>
public sealed class ModelListingTests : IAsyncLifetime
{
    private readonly QueueOnlyApiFactory factory = new();
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        client = factory.CreateClient();

        // Seven models: two share an accuracy (ties go by id), three stay untrained and go last.
        double?[] accuracies = [0.7, 0.9, null, 0.8, null, 0.8, null];
        for (var index = 0; index < accuracies.Length; index++)
        {
            // A seed of its own makes each model distinct, so none is reused.
            var created = await ExplorationApi.CreateAsync(client, Architectures.Tiny.Replace("epochs = 1", $"epochs = 1\n  seed = {index}"));
            if (accuracies[index] is { } accuracy)
            {
                await ExplorationApi.MarkTrainedAsync(factory, created.Model.Id, accuracy);
            }
        }
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await factory.DisposeAsync();
    }

    [Fact]
    public async Task Listing_PagesKeepTheOrder()
    {
        var everything = await client.GetFromJsonAsync<List<ModelSummary>>("/api/v1/models", RemapApiFactory.Json);

        var paged = new List<ModelSummary>();
        var pages = 0;
        string? cursor = null;
        do
        {
            var response = await client.GetAsync(cursor is null ? "/api/v1/models?limit=3" : $"/api/v1/models?limit=3&cursor={Uri.EscapeDataString(cursor)}");
            paged.AddRange((await response.Content.ReadFromJsonAsync<List<ModelSummary>>(RemapApiFactory.Json))!);
            cursor = response.Headers.TryGetValues(ModelsApi.NextCursorHeader, out var values) ? values.Single() : null;
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(7, everything!.Count);
        Assert.Equal(3, pages);
        Assert.Equal(everything.Select(model => model.Id), paged.Select(model => model.Id));
        Assert.Equal([0.9, 0.8, 0.8, 0.7, null, null, null], paged.Select(model => model.ValidationAccuracy));
    }

    [Fact]
    public async Task Listing_LinkHeaderKeepsFilters()
    {
        var response = await client.GetAsync("/api/v1/models?dataset=fashion-mnist-sample&limit=2");
        var link = response.Headers.GetValues("Link").Single();

        Assert.StartsWith("</api/v1/models?dataset=fashion-mnist-sample&limit=2&cursor=", link);
        Assert.EndsWith(">; rel=\"next\"", link);
    }

    [Fact]
    public async Task Listing_LastPageHasNoCursor()
    {
        var response = await client.GetAsync("/api/v1/models?limit=7");

        Assert.False(response.Headers.Contains(ModelsApi.NextCursorHeader));
        Assert.False(response.Headers.Contains("Link"));
    }

    [Fact]
    public async Task Listing_DefaultPageIsOneHundred()
    {
        var response = await client.GetAsync("/api/v1/models");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(100, ModelListQuery.DefaultLimit);
        Assert.False(response.Headers.Contains(ModelsApi.NextCursorHeader));
    }

    [Theory]
    [InlineData("limit=0", "limit", "'limit' must be between 1 and 1000. You entered 0.")]
    [InlineData("limit=1001", "limit", "'limit' must be between 1 and 1000. You entered 1001.")]
    [InlineData("cursor=bogus", "cursor", "'cursor' is 'bogus', which is not a cursor this server returned")]
    [InlineData("cursor=djE6MC41", "cursor", "'cursor' is 'djE6MC41'")]
    public async Task Listing_RejectsBadPageValues(string query, string field, string message)
    {
        var response = await client.GetAsync($"/api/v1/models?{query}");
        using var problem = await ExplorationApi.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith(message, problem.RootElement.GetProperty("errors").GetProperty(field)[0].GetString());
    }

    [Fact]
    public async Task Listing_NonNumericLimitNamesValue()
    {
        var response = await client.GetAsync("/api/v1/models?limit=many");
        using var problem = await ExplorationApi.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'limit' has the value 'many'", problem.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public void Cursor_RoundTrips()
    {
        var cursor = new ModelCursor(0.8125, 42);

        Assert.True(ModelCursor.TryParse(cursor.ToString(), out var parsed));
        Assert.Equal(cursor, parsed);
    }

    [Fact]
    public void Cursor_UntrainedRoundTrips()
    {
        var cursor = new ModelCursor(null, 7);

        Assert.True(ModelCursor.TryParse(cursor.ToString(), out var parsed));
        Assert.Equal(cursor, parsed);
    }
}
